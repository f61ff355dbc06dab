/**
 * Reading documents for the CLI: every failure becomes one clear line naming the file (and the place in it),
 * never a stack trace.
 */
import { closeSync, openSync, readSync, readdirSync, statSync, constants as fsc } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CriteriaSet, Problem } from '@tieuchi/core';
import { validateCriteriaSet } from '@tieuchi/core';
import { jsonErrorOffset, lineColumn } from './json-position.js';
import { say } from './messages.js';

export type Lang = 'vi' | 'en';

/** A failure the CLI reports in one line and exits non-zero on. */
export class UserError extends Error {
  /** Set when the failure is only that a criteria set was not found (the verifier then reports it). */
  notFound?: boolean;
}

/** Largest input file (or standard input) read: the app's import limit. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Where `-` reads from (set by `main` from its `Io`; the terminal's standard input in `bin/tieuchi.js`). */
let stdinReader: (() => Uint8Array | 'too-big') | undefined;
/** Sets what `-` reads (main does this per run). */
export function setStdin(reader: (() => Uint8Array | 'too-big') | undefined): void {
  stdinReader = reader;
}

/**
 * Reads at most {@link MAX_INPUT_BYTES} + 1 bytes from a file descriptor, chunk by chunk, so `/dev/zero` piped
 * in is refused instead of filling the memory.
 */
export function readLimited(fd: number): Uint8Array | 'too-big' {
  return readLimitedFrom(fd, 0);
}

/** {@link readLimited} when `already` bytes of the same input were read before (they count towards the limit). */
function readLimitedFrom(fd: number, already: number): Uint8Array | 'too-big' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buf = new Uint8Array(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - already - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    if (already + total > MAX_INPUT_BYTES) return 'too-big';
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads a regular file whose size was `size` when checked: one buffer of that size plus one byte (a council's
 * 20,000 small files no longer cost a 1 MB chunk each); should the file have grown meanwhile, the rest is read
 * in chunks up to {@link MAX_INPUT_BYTES}, as {@link readLimited} does.
 */
export function readFileLimited(fd: number, size: number): Uint8Array | 'too-big' {
  const first = new Uint8Array(Math.min(size + 1, MAX_INPUT_BYTES + 1));
  let n = 0;
  for (;;) {
    let got: number;
    try {
      got = readSync(fd, first, n, first.length - n, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (got === 0) break;
    n += got;
    if (n === first.length) break;
  }
  if (n < first.length) return first.subarray(0, n);
  if (n > MAX_INPUT_BYTES) return 'too-big';
  // The file grew since it was checked: read on in chunks, within the limit.
  const rest = readLimitedFrom(fd, n);
  if (rest === 'too-big') return rest;
  const out = new Uint8Array(n + rest.length);
  out.set(first);
  out.set(rest, n);
  return out;
}

const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * Reads a file's text: `-` is standard input. Refuses, in one line, what is not a regular file (a FIFO would
 * block forever, a device such as /dev/zero never ends) and anything over {@link MAX_INPUT_BYTES}.
 */
export function readText(path: string, lang: Lang): string {
  return new TextDecoder().decode(readBytes(path, lang));
}

/** Reads a file's bytes with the checks of {@link readText} (`-`: standard input). */
export function readBytes(path: string, lang: Lang): Uint8Array {
  const name = oneLine(path);
  let bytes: Uint8Array | 'too-big';
  if (path === '-') {
    if (!stdinReader) throw new UserError(`-: ${say(lang, 'read.no-stdin')}`);
    bytes = stdinReader();
  } else {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? say(lang, 'read.not-found') : String(code ?? e);
      throw new UserError(`${name}: ${why}`);
    }
    if (st.isDirectory()) throw new UserError(`${name}: ${say(lang, 'read.directory')}`);
    if (!st.isFile()) {
      const what = say(
        lang,
        st.isFIFO() ? 'read.fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'read.device' : 'read.not-regular',
      );
      throw new UserError(`${name}: ${say(lang, 'read.not-read', { what })}`);
    }
    if (st.size > MAX_INPUT_BYTES)
      throw new UserError(`${name}: ${say(lang, 'read.file-too-big', { limit: mb(MAX_INPUT_BYTES) })}`);
    let fd: number;
    try {
      // O_NONBLOCK: should the file have been swapped for a FIFO since the check, opening it does not hang.
      fd = openSync(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
    } catch (e) {
      throw new UserError(`${name}: ${String((e as NodeJS.ErrnoException).code ?? e)}`);
    }
    try {
      bytes = readFileLimited(fd, st.size);
    } catch (e) {
      throw new UserError(`${name}: ${String((e as NodeJS.ErrnoException).code ?? e)}`);
    } finally {
      closeSync(fd);
    }
  }
  if (bytes === 'too-big') throw new UserError(`${name}: ${say(lang, 'read.too-big', { limit: mb(MAX_INPUT_BYTES) })}`);
  return bytes;
}

/** Reads and parses a JSON file (`-`: standard input); a missing file or malformed JSON is a {@link UserError} with line and column. */
export function readJson(path: string, lang: Lang): unknown {
  let text = readText(path, lang);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch {
    const at = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, Math.max(0, at));
    const near =
      at >= text.length
        ? say(lang, 'json.end')
        : say(lang, 'json.unexpected', { char: JSON.stringify(text[at] ?? '') });
    throw new UserError(`${oneLine(path)}: ${say(lang, 'json.malformed', { line, column, near })}`);
  }
}

/**
 * Text from a file made safe for one terminal line: control characters, line and paragraph separators and
 * bidirectional overrides (which can make a line read differently from what it is) become visible escapes.
 */
export const oneLine = (s: string): string =>
  s.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** One line per problem: `file: /pointer: message`. */
export function formatProblems(file: string, problems: readonly Problem[], lang: Lang): string {
  return problems.map((p) => oneLine(`${file}: ${p.pointer || '/'}: ${p.message[lang]}`)).join('\n');
}

/** Folders searched for a criteria set named by an assessment when `--set` is not given. */
export function setFolders(cwd: string): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [...new Set([resolve(cwd, 'criteria'), resolve(here, '..', '..', '..', 'criteria'), ...builtinSets()])];
}

/** The built-in sets shipped as data by `@tieuchi/criteria` (so an installed `tieuchi score` needs no `--set`). */
function builtinSets(): string[] {
  try {
    return [join(dirname(createRequire(import.meta.url).resolve('@tieuchi/criteria/package.json')), 'sets')];
  } catch {
    return []; // not installed: the folders above only
  }
}

/** Finds the set `id`@`version` among the JSON files of `folders`. */
export function findSet(id: string, version: string, folders: readonly string[], lang: Lang): CriteriaSet {
  const seen: string[] = [];
  for (const folder of folders) {
    let files: string[];
    try {
      if (!statSync(folder).isDirectory()) continue;
      files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files) {
      let doc: unknown;
      try {
        doc = JSON.parse(readText(join(folder, f), lang));
      } catch {
        continue; // not JSON, not a regular file, too big: not a set
      }
      const d = doc as { kind?: unknown; id?: unknown; version?: unknown };
      if (d?.kind !== 'criteria-set' || d.id !== id) continue;
      if (!seen.includes(String(d.version))) seen.push(String(d.version));
      if (d.version !== version) continue;
      const v = validateCriteriaSet(doc);
      if (!v.ok) throw new UserError(formatProblems(join(folder, f), v.errors, lang));
      return v.value;
    }
  }
  version = oneLine(version);
  id = oneLine(id);
  const notFound = (e: UserError): UserError => Object.assign(e, { notFound: true });
  if (seen.length) {
    throw notFound(new UserError(say(lang, 'set.other-version', { id, versions: seen.join(', '), version })));
  }
  throw notFound(new UserError(say(lang, 'set.unknown', { id })));
}

/**
 * A set finder for core's verifier: the set `id`@`version` from `folders`, or undefined when there is none (the
 * verifier then reports it). A set file that is there but invalid is still a {@link UserError}.
 */
export function setFinder(
  folders: readonly string[],
  lang: Lang,
): (id: string, version: string) => CriteriaSet | undefined {
  const cache = new Map<string, CriteriaSet | undefined>();
  return (id, version) => {
    const key = `${id}@${version}`;
    if (!cache.has(key)) {
      try {
        cache.set(key, findSet(id, version, folders, lang));
      } catch (e) {
        if (!(e instanceof UserError) || !e.notFound) throw e;
        cache.set(key, undefined);
      }
    }
    return cache.get(key);
  };
}

/**
 * Escapes, for the terminal, every control character of a whole output (text, CSV or JSON) except line ends
 * (`\n`, and `\r\n` of CSV), plus C1 controls, line/paragraph separators and bidirectional overrides: escape codes
 * in a facility name can then neither clear the screen nor reorder a line. Line breaks inside strings that came
 * from files are escaped where those strings are printed ({@link oneLine}).
 */
export const terminalSafe = (s: string): string =>
  s.replace(
    /\r(?!\n)|[\u0000-\u0009\u000b-\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
