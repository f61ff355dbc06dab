/**
 * Scrolling a target into view below whatever sticks to the top of the screen (the app's header, the fill-in
 * view's bar on narrow screens), so the whole question is visible, not hidden under them.
 */

/** How far down the given sticky or fixed elements cover the top of the viewport once stuck (0 when none). */
export function coveredTop(occluders: readonly (Element | null | undefined)[]): number {
  let bottom = 0;
  for (const el of occluders) {
    if (!el) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || (cs.position !== 'sticky' && cs.position !== 'fixed')) continue;
    const r = el.getBoundingClientRect();
    if (r.height === 0) continue;
    // A sticky element covers from its `top` once the page scrolls past it (which landing further down does).
    bottom = Math.max(bottom, cs.position === 'fixed' ? r.bottom : (parseFloat(cs.top) || 0) + r.height);
  }
  return bottom;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Scrolls so that `target`'s top sits `gap` px below the sticky `occluders`. Cards above may change height as they
 * render (chunks, photos), so it measures again each frame until the target has stayed put for three frames
 * (at most 12 frames).
 */
export async function landBelow(
  target: Element,
  occluders: () => readonly (Element | null | undefined)[],
  gap = 8,
): Promise<void> {
  let still = 0;
  for (let k = 0; k < 12 && still < 3; k++) {
    const delta = target.getBoundingClientRect().top - (coveredTop(occluders()) + gap);
    if (Math.abs(delta) < 2) still++;
    else {
      still = 0;
      window.scrollBy({ top: delta, behavior: 'instant' });
    }
    await frame();
  }
}
