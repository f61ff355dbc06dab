import { css } from 'lit';

/** Shared layout of the admin screens (forms, lists). */
export const adminStyles = css`
  /* One column that may shrink below its content: a long set name in a select must not widen the page. */
  :host { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); min-width: 0; }
  form { display: grid; gap: 10px; grid-template-columns: minmax(0, 1fr); }
  select, input:not([type='checkbox']):not([type='radio']) { max-width: 100%; min-width: 0; box-sizing: border-box; }
  label { display: grid; gap: 4px; font-weight: 600; }
  .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  .err { color: var(--tc-red); }
  ul.list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
  ul.list > li { display: flex; gap: 8px 12px; flex-wrap: wrap; align-items: center; justify-content: space-between; }
  h2, h3 { margin: 0; }
  p { margin: 0; }
  .code { font-family: ui-monospace, monospace; font-size: 1.6rem; letter-spacing: 0.08em; font-weight: 700; }
  .scope { max-height: 320px; overflow: auto; border: 1px solid var(--tc-line); border-radius: 8px; padding: 6px; display: grid; gap: 2px; }
  .scope label { display: flex; gap: 8px; align-items: center; font-weight: 400; min-height: 44px; }
  .scope input[type='checkbox'] { width: 24px; height: 24px; }
`;

/** The server's message in the UI language, or the error's text. */
export function errorText(e: unknown, lang: 'vi' | 'en'): string {
  const t = (e as { text?: { vi: string; en: string } }).text;
  return t ? t[lang] : String(e);
}
