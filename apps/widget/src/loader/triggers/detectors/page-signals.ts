/** How far down the page the visitor has seen, in percent (100 when the page does not scroll). */
export function scrollPercent(scrollY: number, viewport: number, height: number): number {
  return height <= viewport ? 100 : Math.min(100, Math.round(((scrollY + viewport) / height) * 100));
}

const clean = (text: string | null | undefined): string => (text ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);

/**
 * What a person would call the clicked element, for the rage-click evidence the agent reads:
 * `'Apply coupon'` (the control's label or text, an image's alt), else `'Gift wrap' area` (the
 * nearest heading before it), never a tag name like 'div'. Runs once per burst, not per click.
 */
export function describeElement(target: Element): string {
  const el = target.closest('a,button,label,select,textarea,input,[role=button]') ?? target;
  const attr = (name: string) => el.getAttribute(name);
  // A control's text, or a leaf element's (a wrapper's text is its children's, not what was clicked).
  const text = el !== target || !el.children.length ? el.textContent : '';
  const name = [
    attr('aria-label'),
    (el as HTMLInputElement).labels?.[0]?.textContent,
    attr('alt'),
    attr('title'),
    text,
    el.querySelector('[alt]')?.getAttribute('alt'),
    el.matches('[type=submit]') && attr('value'),
  ]
    .map((n) => clean(n || ''))
    .find(Boolean);
  if (name) return "'" + name + "'";
  // The last heading before it, in the nearest ancestor that has one (FOLLOWING = 4: `el` comes after it).
  for (let scope = el.parentElement; scope; scope = scope.parentElement) {
    const headings = [...scope.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')].filter((h) => clean(h.textContent) && h.compareDocumentPosition(el) & 4);
    if (headings.length) return "the '" + clean(headings.pop()!.textContent) + "' area";
  }
  return 'an empty spot';
}
