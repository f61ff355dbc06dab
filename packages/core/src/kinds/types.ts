/**
 * What an answer kind module provides (ADR 0011). One module per response kind of the criteria-set schema owns
 * the kind's semantic checks, its compilation into the scorer's flat form, the values it accepts and the points
 * they earn, and when an answer counts as met. The registry (`index.ts`) is typed by the schema's kind union, so a
 * kind added to the schema without a module is a compile error.
 */
import type { CriteriaSetItem } from '../generated/types.js';
import type { Exact } from '../exact.js';
import type { MessageCode } from '../messages.js';
import type { Msg } from '../catalogue.js';

/** The response of an item, any kind. */
export type Response = CriteriaSetItem['response'];
/** The kinds of response the criteria-set schema allows (its `oneOf` branches' `kind` consts). */
export type ResponseKind = Response['kind'];
/** The response of one kind. */
export type ResponseOf<K extends ResponseKind> = Extract<Response, { kind: K }>;
/** The scoring model of a set. */
export type Model = 'points' | 'levels';

/** A response compiled for the scorer: its maximum, how a value earns points, when an answer is met. */
export interface CompiledResponse {
  /** Points when met (levels model: 1, unused). */
  readonly max: Exact;
  /**
   * The points a value earns, or `undefined` when the value is not valid for the item (the answer is then
   * refused as `answer.bad-value`, never scored). Called with any JSON value.
   */
  readonly points: (value: unknown) => Exact | undefined;
  /** Whether a valid value, which earned `points`, counts as met (knockouts, evidence, the levels model). */
  readonly met: (value: string | number, points: Exact) => boolean;
  /** The values allowed, in words, for the `answer.bad-value` message. */
  readonly allowed: Msg;
}

/** What a kind's semantic checks can use: the model, problem reporting and exact decimal reading. */
export interface CheckContext {
  readonly model: Model;
  /** Records a problem at `pointer`. */
  problem(code: MessageCode, pointer: string, args?: Record<string, string | number>): void;
  /** Checks that `x` (when present) is a decimal the engine reads exactly (≤ 4 decimals, in range). */
  decimal(x: number | undefined, pointer: string): boolean;
  /** `x` read exactly, or `fallback` when absent or refused by {@link CheckContext.decimal}. */
  exact(x: number | undefined, pointer: string, fallback: Exact): Exact;
}

/** One answer kind: everything core knows about it. */
export interface KindModule<K extends ResponseKind> {
  readonly kind: K;
  /** Whether the kind may be used in a levels-model set (met / not met elements): only `binary` today. */
  readonly inLevels: boolean;
  /**
   * The checks JSON Schema cannot express for this response at `pointer` (the response's own pointer), reported
   * through `ctx`; returns the item's maximum points as far as it can be read.
   */
  check(r: ResponseOf<K>, pointer: string, ctx: CheckContext): Exact;
  /** Compiles a response of a set that passed validation. */
  compile(r: ResponseOf<K>, model: Model): CompiledResponse;
}
