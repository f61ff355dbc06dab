/**
 * Inline SVG icons (no emoji: tablets without an emoji font show boxes). Decorative: aria-hidden.
 */
import { svg } from 'lit';

const wrap = (body: ReturnType<typeof svg>) =>
  svg`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const cameraIcon = wrap(svg`<path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/>`);
export const lockIcon = wrap(
  svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`,
);
export const stopIcon = wrap(svg`<circle cx="12" cy="12" r="9"/><path d="M7.5 7.5l9 9"/>`);
export const warnIcon = wrap(svg`<path d="M12 3l10 18H2z"/><path d="M12 10v5M12 18v.5"/>`);
export const closeIcon = wrap(svg`<path d="M6 6l12 12M18 6L6 18"/>`);
