/**
 * How the builder lists a problem: the words first (place, what is wrong, what to do), the JSON Pointer, code and
 * core's message under a "technical details" disclosure. Text bindings only (titles come from the set).
 */
import { html, type TemplateResult } from 'lit';
import type { Problem } from '../core.js';
import { locale } from '../i18n.js';
import { bpMsg } from './problem-messages.js';
import { problemLine, problemWords } from './problem-words.js';

/**
 * One problem as a list entry. With `go`, the words are a button that takes the author to the field.
 */
export function problemItem(doc: unknown, p: Problem, go?: () => void): TemplateResult {
  const lang = locale();
  const w = problemWords(doc, p, lang);
  const line = problemLine(w);
  return html`<li data-problem=${p.code}>
    ${go ? html`<button class="problem-go" @click=${go} data-problem-words>${line}</button>` : html`<span data-problem-words>${line}</span>`}
    <details class="technical">
      <summary>${bpMsg('bw.technical')[lang]}</summary>
      <code data-problem-technical>${w.technical}</code>
    </details>
  </li>`;
}
