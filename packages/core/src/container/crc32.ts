/** CRC-32 (ISO 3309, the ZIP checksum), incremental. fflate computes it inside its own writer but does not export it. */
const TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/**
 * Continues a CRC-32 over more bytes.
 * @param crc the CRC of the bytes so far (0 to start)
 * @returns the CRC of the bytes so far followed by `bytes`, as an unsigned 32-bit number
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
