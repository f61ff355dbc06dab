/**
 * Answers against their items: the points an answer earns, and the problems with answers that do not fit.
 */
import type { Assessment } from './generated/types.js';
import type { Exact } from './exact.js';
import type { CItem, CompiledSet } from './compile.js';
import { message } from './messages.js';
import { type Problem, pointerToken } from './outcome.js';

const hasOwn = Object.prototype.hasOwnProperty;

export { decimalPlaces } from './kinds/index.js';

/** Points an answer earns, or `undefined` when the value is not valid for the item (its kind module decides). */
export const pointsFor = (it: CItem, value: unknown): Exact | undefined => it.points(value);

/**
 * Checks the assessed facility against the set: its kind must be one the set applies to, and when the set
 * depends on the zone (an item limited to zones, or a threshold by zone) the facility must have a zone:
 * without one, zone-limited items would silently drop out and shrink the maximum.
 */
export function checkFacility(c: CompiledSet, facility: Assessment['facility']): Problem[] {
  const problems: Problem[] = [];
  const kinds = c.set.applicability.facilityKinds;
  if (!kinds.includes(facility.kind)) {
    problems.push({
      code: 'answer.facility-kind',
      pointer: '/facility/kind',
      message: message('answer.facility-kind', { kind: facility.kind, allowed: kinds.join(', ') }),
    });
  }
  if (facility.zone === undefined && c.usesZones) {
    problems.push({ code: 'answer.zone-missing', pointer: '/facility', message: message('answer.zone-missing') });
  }
  return problems;
}

/** Checks every answer against its item; returns the problems (empty when all is well). */
export function checkAnswers(c: CompiledSet, answers: Assessment['answers']): Problem[] {
  const problems: Problem[] = [];
  for (const id in answers) {
    if (!hasOwn.call(answers, id)) continue;
    const a = answers[id]!;
    const it = c.items.get(id);
    // The common, valid case first, without building a JSON Pointer (most of the cost of checking otherwise).
    const fine =
      it !== undefined &&
      (a.value === undefined
        ? !(a.na === true && (!it.naAllowed || a.unassessed !== undefined))
        : a.na !== true && a.unassessed === undefined && pointsFor(it, a.value) !== undefined);
    if (fine) continue;
    const pointer = `/answers/${pointerToken(id)}`;
    if (!it) {
      problems.push({ code: 'answer.unknown-item', pointer, message: message('answer.unknown-item', { id }) });
      continue;
    }
    if (a.na === true && !it.naAllowed) {
      problems.push({
        code: 'answer.na-not-allowed',
        pointer: `${pointer}/na`,
        message: message('answer.na-not-allowed', { id }),
      });
    }
    if (a.value !== undefined) {
      if (a.na === true || a.unassessed !== undefined) {
        const other = a.na === true ? 'na' : 'unassessed';
        problems.push({ code: 'answer.conflict', pointer, message: message('answer.conflict', { id, other }) });
      }
      if (pointsFor(it, a.value) === undefined) {
        problems.push({
          code: 'answer.bad-value',
          pointer: `${pointer}/value`,
          message: message('answer.bad-value', { id, value: JSON.stringify(a.value), allowed: it.allowed }),
        });
      }
    } else if (a.na === true && a.unassessed !== undefined) {
      problems.push({
        code: 'answer.conflict',
        pointer,
        message: message('answer.conflict', { id, other: 'unassessed' }),
      });
    }
  }
  return problems;
}
