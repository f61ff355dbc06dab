/**
 * What every pass-rule kind provides (one module per kind in this folder, registered in `index.ts`): which shown
 * values it judges against which threshold (for the display safeguard of ADR 0010), and its evaluation with the
 * reasons in words.
 */
import type {
  CriteriaSetPassRule,
  ScoreResultCriterionResult,
  ScoreResultRuleOutcome,
  ScoreResultScore,
  ScoreResultSectionResult,
  Zone,
} from '../generated/types.js';
import type { Exact } from '../exact.js';
import type { CompiledSet } from '../compile.js';
import type { SetNames } from '../names.js';

/** The kinds of pass rule the schema allows. */
export type RuleKind = CriteriaSetPassRule['kind'];
/** The rule of one kind. */
export type RuleOf<K extends RuleKind> = Extract<CriteriaSetPassRule, { kind: K }>;

/** A node's score as far as a rule's verdict needs it (no display strings). */
export interface JudgedScore {
  readonly applicable: boolean;
  readonly points: Exact;
  readonly max: Exact;
  readonly percent?: Exact | undefined;
}

/** What a rule's verdict (passed, failed, not evaluated) depends on: the scores, never the words. */
export interface StatusContext {
  readonly zone: Zone | undefined;
  readonly total: JudgedScore;
  readonly sections: readonly { readonly id: string; readonly score: JudgedScore }[];
  /** Every criterion, in the set's order. */
  readonly criteria: readonly {
    readonly id: string;
    readonly score: JudgedScore;
    readonly level?: number | undefined;
  }[];
  readonly failedKnockouts: readonly string[];
  readonly meanLevel: Exact | undefined;
}

/** Everything a rule judges: the scored tree, the failed knockouts, the mean level, the names of the set's parts. */
export interface RuleContext extends StatusContext {
  readonly set: CompiledSet;
  readonly total: ScoreResultScore;
  readonly sections: readonly ScoreResultSectionResult[];
  /** Every criterion, in the set's order. */
  readonly criteria: readonly ScoreResultCriterionResult[];
  readonly names: SetNames;
}

/** A rule's verdict. */
export type RuleStatus = ScoreResultRuleOutcome['status'];

/** A shown value a rule judges: the total, every section, every criterion, one criterion, or the mean level. */
export type Judged =
  | { on: 'total' | 'sections' | 'criteria' | 'mean-level'; threshold: Exact }
  | { on: 'criterion'; id: string; threshold: Exact };

/** One pass-rule kind. */
export interface RuleModule<K extends RuleKind> {
  /** The shown values this rule compares with a threshold (none for a rule without one). */
  judges(rule: RuleOf<K>, zone: Zone | undefined): Judged[];
  /**
   * The rule's verdict alone, from the scores (no words): what `score()` decides with, before any explanation is
   * built. Must equal `evaluate(rule, ctx).status` (the differential and never-throws tests check it).
   */
  status(rule: RuleOf<K>, ctx: StatusContext): RuleStatus;
  /** The rule's outcome, its message and each failure's message naming the thing and what is needed. */
  evaluate(rule: RuleOf<K>, ctx: RuleContext): ScoreResultRuleOutcome;
}
