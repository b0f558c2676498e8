/** How far down the page the visitor has seen, in percent (100 when the page does not scroll). */
export function scrollPercent(scrollY: number, viewport: number, height: number): number {
  return height <= viewport ? 100 : Math.min(100, Math.round(((scrollY + viewport) / height) * 100));
}

const CONTROL = 'a,button,label,summary,select,textarea,input,[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=radio],[role=option],[role=switch]';
const HEADING = 'h1,h2,h3,h4,h5,h6,[role=heading],legend,caption,figcaption';
const IMAGE = 'img,svg,picture,canvas,video,[role=img]';
const clean = (text: string | null | undefined): string => (text ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
const quote = (text: string): string => "'" + text + "'";

/**
 * What a person would call the clicked element, for the rage-click evidence the agent reads:
 * `'Apply coupon'` (the control's text or label), `the image 'Logo'`, `an image under 'Gift wrap'`,
 * `a blank spot under 'Shipping'` (the nearest heading before it), never a tag name like 'div'.
 * Runs once per detected burst, not per click.
 */
export function describeElement(target: Element): string {
  const control = target.closest(CONTROL);
  const el = control ?? target;
  const image = el.matches(IMAGE) || !!target.closest(IMAGE);
  // A control's whole text; any other element's own text only (a wrapper's children are not what was clicked).
  const text = control ? clean(control.textContent) : ownText(el);
  const name = labelOf(el) || text || (control ? labelOf(control.querySelector('img[alt],[aria-label]')) : '');
  if (name) return image && !control ? 'the image ' + quote(name) : quote(name);
  const heading = nearestHeading(el);
  const what = image ? 'an image' : 'a blank spot';
  return heading ? what + ' under ' + quote(heading) : what + ' on the page';
}

/** The element's name from its attributes and labels (aria-label, aria-labelledby, <label>, alt, title, placeholder, a button's value). */
function labelOf(el: Element | null): string {
  if (!el) return '';
  const attr = (name: string): string => clean(el.getAttribute(name));
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => clean(id && document.getElementById(id)?.textContent))
    .filter(Boolean)
    .join(' ');
  const labels = (el as HTMLInputElement).labels;
  const labelText = labels?.length ? clean(labels[0]!.textContent) : '';
  const value = el.matches('input[type=submit],input[type=button],input[type=reset]') ? attr('value') : '';
  return attr('aria-label') || clean(labelledBy) || labelText || attr('alt') || attr('title') || attr('placeholder') || value;
}

/** The text of the element's own text nodes (not of its child elements). */
function ownText(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) text += ' ' + node.textContent;
  return clean(text);
}

/** The text of the last heading before `el` in its section, going out one ancestor at a time. */
function nearestHeading(el: Element): string {
  for (let scope: Element | null = el; scope && scope !== document.documentElement; scope = scope.parentElement) {
    const headings = scope.querySelectorAll(HEADING);
    for (let i = headings.length - 1; i >= 0; i--) {
      const heading = headings[i]!;
      // Before the element in document order (or around it), and saying something.
      if ((heading === el || heading.compareDocumentPosition(el) & 4 || heading.contains(el)) && clean(heading.textContent)) return clean(heading.textContent);
    }
  }
  return '';
}
