/**
 * Area-averaging downscale of RGBA pixels: each target pixel is the mean of the source pixels it covers
 * (fractional edges weighted), which keeps noise and fine detail from aliasing the way nearest-neighbour does.
 */

/** Target size keeping the aspect ratio, the long side at most `max`. */
export function fitWithin(w: number, h: number, max: number): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

/** Downscales `data` (RGBA, `w` × `h`) so the long side is at most `max`. */
export function downscaleRgba(
  data: Uint8Array,
  w: number,
  h: number,
  max: number,
): { data: Uint8Array; width: number; height: number } {
  const { width, height } = fitWithin(w, h, max);
  const sx = w / width;
  const sy = h / height;
  // Horizontal pass into a float buffer, then vertical pass: separable box filter with fractional weights.
  const tmp = new Float32Array(width * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < width; x++) {
      const x0 = x * sx;
      const x1 = x0 + sx;
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let xi = Math.floor(x0); xi < Math.ceil(x1); xi++) {
        const wgt = Math.min(x1, xi + 1) - Math.max(x0, xi);
        const o = (y * w + xi) * 4;
        r += data[o]! * wgt;
        g += data[o + 1]! * wgt;
        b += data[o + 2]! * wgt;
        a += data[o + 3]! * wgt;
      }
      const t = (y * width + x) * 4;
      tmp[t] = r / sx;
      tmp[t + 1] = g / sx;
      tmp[t + 2] = b / sx;
      tmp[t + 3] = a / sx;
    }
  }
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = y * sy;
    const y1 = y0 + sy;
    for (let x = 0; x < width; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let yi = Math.floor(y0); yi < Math.ceil(y1); yi++) {
        const wgt = Math.min(y1, yi + 1) - Math.max(y0, yi);
        const o = (yi * width + x) * 4;
        r += tmp[o]! * wgt;
        g += tmp[o + 1]! * wgt;
        b += tmp[o + 2]! * wgt;
        a += tmp[o + 3]! * wgt;
      }
      const t = (y * width + x) * 4;
      out[t] = Math.round(r / sy);
      out[t + 1] = Math.round(g / sy);
      out[t + 2] = Math.round(b / sy);
      out[t + 3] = Math.round(a / sy);
    }
  }
  return { data: out, width, height };
}
