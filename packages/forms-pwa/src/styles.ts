/** Styles shared by the elements' shadow roots: touch-sized buttons, cards, badges. */
import { css } from 'lit';

export const shared = css`
  :host {
    --tc-green: #0b6e4f;
    --tc-green-bg: #e3f4ec;
    --tc-red: #b3261e;
    --tc-red-bg: #fdeceb;
    --tc-amber: #8a5300;
    --tc-amber-bg: #fff4dc;
    --tc-blue: #1d4f91;
    --tc-line: #d5d9de;
    --tc-muted: #5b6470;
    --tc-card: #fff;
    box-sizing: border-box;
    font: inherit;
    color: #1b1f24;
  }
  *, *::before, *::after { box-sizing: inherit; }
  button, .btn, select, input, textarea { font: inherit; }
  button, .btn {
    min-height: 44px;
    min-width: 44px;
    padding: 8px 14px;
    border: 1px solid var(--tc-line);
    border-radius: 8px;
    background: #fff;
    color: inherit;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
  }
  button:focus-visible, .btn:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
    outline: 3px solid #4d90fe;
    outline-offset: 1px;
  }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button.primary, .btn.primary { background: var(--tc-green); border-color: var(--tc-green); color: #fff; font-weight: 600; }
  button.danger { color: var(--tc-red); border-color: var(--tc-red); }
  input, select, textarea {
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--tc-line);
    border-radius: 8px;
    background: #fff;
    max-width: 100%;
  }
  textarea { width: 100%; min-height: 64px; resize: vertical; }
  label { display: block; }
  /* Touch targets (issue 14): a checkbox's label is what a finger hits, at least 44 px tall. */
  label:has(> input[type='checkbox']), label:has(> input[type='radio']) { display: flex; align-items: center; gap: 8px; min-height: 44px; }
  input[type='checkbox'], input[type='radio'] { min-height: 0; width: 24px; height: 24px; flex: none; margin: 0; }
  summary { min-height: 44px; padding: 10px 0; box-sizing: border-box; cursor: pointer; }
  .card {
    background: var(--tc-card);
    border: 1px solid var(--tc-line);
    border-radius: 12px;
    padding: 14px 16px;
  }
  .muted { color: var(--tc-muted); }
  .badge {
    display: inline-block;
    padding: 2px 8px;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
    background: #eef0f3;
  }
  .badge.pass, .ok { background: var(--tc-green-bg); color: var(--tc-green); }
  .badge.fail, .bad { background: var(--tc-red-bg); color: var(--tc-red); }
  .badge.warn, .warn { background: var(--tc-amber-bg); color: var(--tc-amber); }
  .badge.info { background: #e6eefb; color: var(--tc-blue); }
  .bar { height: 6px; border-radius: 3px; background: #e6e8eb; overflow: hidden; }
  .bar > span { display: block; height: 100%; background: var(--tc-green); }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 8px; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.2rem; }
  h3 { font-size: 1.05rem; }
  .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  .icon { vertical-align: -4px; flex: none; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
