/** The builder's inline SVG icons (as the app's `icons.ts`: no emoji or rare glyphs, which tablets show as boxes). */
import { svg } from 'lit';

const wrap = (body: ReturnType<typeof svg>) =>
  svg`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const upIcon = wrap(svg`<path d="M12 19V5M6 11l6-6 6 6"/>`);
export const downIcon = wrap(svg`<path d="M12 5v14M6 13l6 6 6-6"/>`);
export const copyIcon = wrap(
  svg`<rect x="8" y="8" width="12" height="12" rx="2"/><path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3"/>`,
);
export const removeIcon = wrap(svg`<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13"/>`);
export const gripIcon = wrap(
  svg`<circle cx="9" cy="6" r="1"/><circle cx="15" cy="6" r="1"/><circle cx="9" cy="12" r="1"/><circle cx="15" cy="12" r="1"/><circle cx="9" cy="18" r="1"/><circle cx="15" cy="18" r="1"/>`,
);
