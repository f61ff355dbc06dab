/**
 * The content hash made cheaper (issue 20, council scale) must give the very same digests: the one-pass canonical
 * JSON with NFC is compared with the copy-then-canonicalize it replaced, and a native SHA-256 set by `setSha256`
 * (Node's, as the CLI sets it) with the JavaScript one, on the stored examples and on generated values.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalText, contentHash, setSha256, sha256Hex } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? jsonFiles(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : [],
  );
/** Every stored criteria set and example document. */
const stored = [...jsonFiles(join(root, 'criteria')), ...jsonFiles(join(root, 'examples'))].map(
  (f) => JSON.parse(readFileSync(f, 'utf8')) as object,
);

/** The normalised copy hash.ts made before (kept here as the reference). */
function nfcCopy(x: unknown): unknown {
  if (typeof x === 'string') return x.normalize('NFC');
  if (Array.isArray(x)) return x.map(nfcCopy);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k.normalize('NFC')] = nfcCopy(v);
    return out;
  }
  return x;
}
/** `canonicalText` of a document whose only member is `data` (not one of the left-out members), as before. */
const reference = (data: unknown): string => (canonicalize as unknown as (x: unknown) => string)(nfcCopy({ data }));

const node = (d: Uint8Array | string): string => createHash('sha256').update(d).digest('hex');
afterEach(() => setSha256(undefined));

describe('canonical text in one pass', () => {
  it('is the text of the normalised copy for every stored set and example', () => {
    expect(stored.length).toBeGreaterThan(20);
    for (const doc of stored) expect(canonicalText({ data: doc })).toBe(reference(doc));
  });
  it('is the text of the normalised copy for generated JSON values (any UTF-16, NFD text, combining marks)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 12 }),
      fc.constantFrom('Thạnh Tiến', 'Thạnh Tiến'.normalize('NFD'), 'e\u0301', '\u00e9', '\u0300a', '__proto__'),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(text, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalText({ data: v })).toBe(reference(v));
      }),
      { numRuns: 100 },
    );
  });
  it('treats keys equal under NFC, a "__proto__" member, undefined members and holes as the copy did', () => {
    const parsed = JSON.parse('{"__proto__": {"x": 1}, "e\u0301": 1, "\u00e9": 2, "b": [1, 2]}') as object;
    /** An array of `length` with only the given indexes set (the others are holes). */
    const holes = (length: number, set: Record<number, unknown>): unknown[] => {
      const a: unknown[] = new Array<unknown>(length);
      for (const [i, v] of Object.entries(set)) a[Number(i)] = v;
      return a;
    };
    const odd = {
      a: undefined,
      b: holes(4, { 0: 1, 1: undefined, 3: 3 }),
      c: Symbol('s'),
      'e\u0301': 'x',
      '\u00e9': undefined,
    };
    for (const v of [parsed, odd, holes(2, { 1: 'x' }), []]) expect(canonicalText({ data: v })).toBe(reference(v));
  });
  it('leaves every code point below U+0300 as it is under NFC (why such text is not normalised)', () => {
    for (let c = 0; c < 0x300; c++) expect(String.fromCharCode(c).normalize('NFC')).toBe(String.fromCharCode(c));
    const below = fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(below, (s) => s.normalize('NFC') === s));
  });
});

describe('setSha256', () => {
  it("gives the JavaScript implementation's digests with Node's native SHA-256 (bytes, text, every example)", () => {
    const before = stored.map((d) => contentHash(d));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary' }), (bytes, s) => {
        expect(node(bytes)).toBe(sha256Hex(bytes));
        expect(contentHash({ s })).toBe(node(canonicalText({ s })));
      }),
    );
    setSha256(node);
    expect(stored.map((d) => contentHash(d))).toEqual(before);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const ours = sha256Hex(bytes);
        setSha256(undefined);
        const js = sha256Hex(bytes);
        setSha256(node);
        expect(ours).toBe(js);
      }),
    );
  });
  it('hashes text as its UTF-8 bytes with either implementation (lone surrogates too)', () => {
    const texts = ['', 'abc', 'Trạm Y tế', '\ud800', 'a\udfffb', '😀'];
    const js = texts.map((t) => contentHash({ t }));
    setSha256(node);
    expect(texts.map((t) => contentHash({ t }))).toEqual(js);
  });
  it('refuses an implementation that is not SHA-256, and keeps the one it had', () => {
    setSha256(node);
    expect(() => setSha256(() => '0'.repeat(64))).toThrow(/test vector/);
    expect(() => setSha256((d) => node(typeof d === 'string' ? d : 'x'))).toThrow(/test vector/);
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
