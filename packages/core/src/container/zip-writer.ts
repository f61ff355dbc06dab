/**
 * The ZIP layer of the container's writer: one entry at a time, each with its sizes and CRC in its local header
 * (no data descriptors), so a streaming reader knows where each entry ends without scanning its bytes for a
 * signature (fflate's streaming `Unzip` scans for one after a data-descriptor entry, and ~1 in 10,000 photos of
 * 200 KB contains it by chance; decision 0012). Compression is fflate's `deflateSync` (JSON parts); photos are
 * stored as they are. Plain ZIP (no ZIP64): at most 65,535 entries and 4 GiB, checked.
 */
import { deflateSync, strToU8 } from 'fflate';
import { crc32 } from './crc32.js';

const LIMIT = 0xffffffff;

interface Central {
  name: Uint8Array;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** A ZIP archive written entry by entry: each call returns the bytes to append, in order. */
export class ZipWriter {
  private _offset = 0;
  private readonly _central: Central[] = [];
  private readonly _names = new Set<string>();
  private readonly _time: number;
  private readonly _date: number;

  /** @param modified the time recorded on every entry (ZIP's DOS date, local fields as given) */
  constructor(modified: Date = new Date()) {
    const y = Math.min(Math.max(modified.getUTCFullYear(), 1980), 2107) - 1980;
    this._date = (y << 9) | ((modified.getUTCMonth() + 1) << 5) | modified.getUTCDate();
    this._time = (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
  }

  /**
   * One entry: its local header and its data.
   * @param deflate compress (JSON); photos are stored as they are (already compressed)
   * @throws Error when the name repeats or the archive would pass ZIP's limits (65,535 entries, 4 GiB)
   */
  entry(name: string, data: Uint8Array, deflate: boolean): Uint8Array[] {
    if (this._names.has(name)) throw new Error(`zip: entry ${name} twice`);
    if (this._central.length >= 0xffff) throw new Error('zip: more than 65,535 entries');
    this._names.add(name);
    const body = deflate ? deflateSync(data, { level: 6 }) : data;
    const fileName = strToU8(name);
    const rec: Central = {
      name: fileName,
      method: deflate ? 8 : 0,
      crc: crc32(data),
      csize: body.length,
      usize: data.length,
      offset: this._offset,
    };
    const header = new Uint8Array(30 + fileName.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    this._common(v, 6, rec);
    header.set(fileName, 30);
    this._offset += header.length + body.length;
    if (this._offset > LIMIT) throw new Error('zip: archive larger than 4 GiB');
    this._central.push(rec);
    return [header, body];
  }

  /** The central directory and its end record: the last bytes of the archive. */
  finish(): Uint8Array {
    const size = this._central.reduce((n, c) => n + 46 + c.name.length, 0);
    const out = new Uint8Array(size + 22);
    const v = new DataView(out.buffer);
    let p = 0;
    for (const c of this._central) {
      v.setUint32(p, 0x02014b50, true);
      v.setUint16(p + 4, 20, true); // made by: version 2.0
      v.setUint16(p + 6, 20, true); // needed
      this._common(v, p + 8, c);
      // comment length, disk, internal and external attributes: 0
      v.setUint32(p + 42, c.offset, true);
      out.set(c.name, p + 46);
      p += 46 + c.name.length;
    }
    v.setUint32(p, 0x06054b50, true);
    v.setUint16(p + 8, this._central.length, true);
    v.setUint16(p + 10, this._central.length, true);
    v.setUint32(p + 12, size, true);
    v.setUint32(p + 16, this._offset, true);
    return out;
  }

  /** Flags (UTF-8 names), method, time, date, CRC, sizes, name length; extra field length 0. */
  private _common(v: DataView, at: number, c: Central): void {
    v.setUint16(at, 0x0800, true);
    v.setUint16(at + 2, c.method, true);
    v.setUint16(at + 4, this._time, true);
    v.setUint16(at + 6, this._date, true);
    v.setUint32(at + 8, c.crc, true);
    v.setUint32(at + 12, c.csize, true);
    v.setUint32(at + 16, c.usize, true);
    v.setUint16(at + 20, c.name.length, true);
  }
}
