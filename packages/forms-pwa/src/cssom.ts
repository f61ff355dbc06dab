/**
 * `cssom()`: inline styles that a strict Content-Security-Policy allows. A `style="…"` attribute (and Lit's
 * `styleMap`, whose first render writes one) is refused under `style-src 'self'` without 'unsafe-inline'; styles
 * set through the CSSOM (`element.style.setProperty`) are not. Use it on the element, not in an attribute:
 * `<span ${cssom({ width: `${pct}%` })}>`. Property names are CSS names (`margin-top`); a property left out in a
 * later render keeps its old value.
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssomDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssom() goes on an element: <span ${cssom({ … })}>');
  }

  render(_props: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(props))
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    return noChange;
  }
}

/** Sets CSS properties on the element through the CSSOM (allowed by a CSP without 'unsafe-inline'). */
export const cssom = directive(CssomDirective);
