/** Styles shared by the builder's elements (on top of the app's `shared`): fields, errors, lists, toolbars. */
import { css } from 'lit';

export const builderStyles = css`
  .field { display: grid; gap: 4px; margin: 0; min-width: 0; }
  .field > label, fieldset > legend { font-weight: 600; font-size: 0.95rem; }
  fieldset { border: 1px solid var(--tc-line); border-radius: 10px; padding: 8px 12px 12px; margin: 0; min-width: 0; }
  fieldset.loc { display: grid; gap: 6px; }
  .lang { display: grid; grid-template-columns: 2.6em 1fr; gap: 6px; align-items: start; }
  .lang > label { padding-top: 10px; }
  .lang > .field-err { grid-column: 2; }
  .tag { display: inline-block; font-size: 0.75rem; font-weight: 700; color: var(--tc-muted); border: 1px solid var(--tc-line); border-radius: 6px; padding: 1px 5px; }
  input, select, textarea { width: 100%; }
  /* Text areas grow with their text (Chromium), so a long official wording is read whole. */
  textarea { field-sizing: content; min-height: 64px; max-height: 360px; }
  .field.num input { max-width: 12ch; }
  .field.check { grid-template-columns: auto 1fr; align-items: center; gap: 8px; }
  .field.check > .field-err { grid-column: 1 / -1; }
  input[type='checkbox'] { width: 24px; height: 24px; min-height: 24px; margin: 10px; accent-color: var(--tc-green); }
  .chips { display: flex; flex-wrap: wrap; gap: 4px 12px; }
  .chip { display: inline-flex; align-items: center; min-height: 44px; }
  .chip input { margin: 10px 6px 10px 0; }
  [aria-invalid='true'] { border-color: var(--tc-red); background: var(--tc-red-bg); }
  .field-err { margin: 0; padding: 0; list-style: none; color: var(--tc-red); font-size: 0.9rem; }
  .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 10px 14px; }
  .stack { display: grid; gap: 12px; }
  .entry { border: 1px dashed var(--tc-line); border-radius: 10px; padding: 10px; display: grid; gap: 8px; }
  .entry-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; flex-wrap: wrap; }
  .toolbar { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
  .icon-btn { padding: 6px 10px; }
  .ok-text { color: var(--tc-green); }
  .bad-text { color: var(--tc-red); }
  code { overflow-wrap: anywhere; }
  details.technical { font-size: 0.85rem; color: var(--tc-muted); }
  details.technical summary { cursor: pointer; min-height: 44px; display: inline-flex; align-items: center; }
  h2, h3 { overflow-wrap: anywhere; }
`;
