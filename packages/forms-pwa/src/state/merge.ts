/**
 * Core's three-way merge of two copies of an assessment, in its own module so that the store loads it when it
 * first writes or shows another tab's copy, not at start-up (ADR 0017). Only `state/store.ts` imports this,
 * dynamically.
 */
export { mergeThreeWay, resolveConflict } from '../core.js';
