/**
 * Official element codes of 6858/QĐ-BYT-style tables: `A1.1-2.12` is criterion A1.1, level 2, element 12 (the
 * running number of the element within its criterion).
 */
const ELEMENT = /^([A-Za-z]+\d+(?:\.\d+)*)-(\d+)\.(\d+)$/;

/** The parts of an element code. */
export interface ElementCode {
  criterion: string;
  level: number;
  number: number;
}

/** Reads `A1.1-2.12` as criterion `A1.1`, level 2, element 12; undefined for any other code. */
export function parseElementCode(code: string): ElementCode | undefined {
  const m = ELEMENT.exec(code.trim());
  if (!m) return undefined;
  return { criterion: m[1]!, level: Number(m[2]), number: Number(m[3]) };
}

/**
 * The criterion a plain item code belongs to: `1.2` → `1`, `B3.4.1` → `B3.4` (everything before the last dot);
 * undefined when the code has no dot.
 */
export function criterionOfCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i > 0 ? code.slice(0, i) : undefined;
}

/** The section a criterion code names by its leading letters (`A1.1` → `A`); undefined for `1` or `t3`-less codes. */
export function sectionOfCriterion(code: string): string | undefined {
  const m = /^([A-Za-z]+)\d/.exec(code);
  return m ? m[1]!.toUpperCase() : undefined;
}
