/**
 * The registry of answer kinds (ADR 0011): one module per response kind of the criteria-set schema, typed by
 * the schema's kind union, so a kind added to the schema without a module here does not compile. The recipe for
 * a new kind is in packages/core/CONTEXT.md.
 */
import { binary } from './binary.js';
import { choice } from './choice.js';
import { count } from './count.js';
import { graded } from './graded.js';
import { numeric } from './numeric.js';
import type { CheckContext, CompiledResponse, KindModule, Model, Response, ResponseKind } from './types.js';
import type { Exact } from '../exact.js';

export type { CheckContext, CompiledResponse, KindModule, Model, Response, ResponseKind, ResponseOf } from './types.js';
export { decimalPlaces } from './numeric.js';

/** Every answer kind's module, by kind. */
export const KIND_MODULES = { binary, graded, choice, numeric, count } as const satisfies {
  readonly [K in ResponseKind]: KindModule<K>;
};

/** The response kinds, in the order the schema and the builder list them. */
export const RESPONSE_KINDS = Object.keys(KIND_MODULES) as readonly ResponseKind[];

/** The module of a response's kind (typed loosely: the caller passes the response it came from). */
const moduleOf = (r: Response): KindModule<ResponseKind> => KIND_MODULES[r.kind] as unknown as KindModule<ResponseKind>;

/** Compiles a validated response through its kind's module. */
export function compileResponse(r: Response, model: Model): CompiledResponse {
  return moduleOf(r).compile(r, model);
}

/** Runs a response's kind checks (see {@link KindModule.check}); returns its maximum points. */
export function checkResponse(r: Response, pointer: string, ctx: CheckContext): Exact {
  return moduleOf(r).check(r, pointer, ctx);
}

/** Whether a response kind may be used in a levels-model set. */
export const allowedInLevels = (kind: ResponseKind): boolean => KIND_MODULES[kind].inLevels;
