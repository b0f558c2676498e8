/** How far down the page the visitor has seen, in percent (100 when the page does not scroll). */
export function scrollPercent(scrollY: number, viewport: number, height: number): number {
  return height <= viewport ? 100 : Math.min(100, Math.round(((scrollY + viewport) / height) * 100));
}

/** A short description of a clicked element for the evidence: its text, else tag#id. */
export function describeElement(el: Element): string {
  const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return text || el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
}
