/**
 * A generic layout check that runs in the page (`page.evaluate(findLayoutProblems)`): it walks every
 * visible element and text node and reports what a person would see as broken, whatever the page.
 *
 * - `clipped`: an element cut by an ancestor with `overflow: hidden | clip` (scroll containers are
 *   fine vertically: what they hide is reachable).
 * - `overflow`: an in-flow element sticking out of its parent whose overflow is visible (it spills
 *   over its neighbours or out of its card).
 * - `text-overflow`: text running out of its box; `text-cut`: text cut by its box without
 *   `text-overflow: ellipsis` and a `title` that holds the whole text.
 * - `overlap`: two texts, or a text and a control, drawn over each other in the same layer (popovers,
 *   dialogs, drawers and sticky headers are their own layers).
 * - `sideways-scroll`: an element that scrolls horizontally without being a named, focusable region
 *   (`role="region"`, a label and `tabindex="0"`: a table that scrolls inside its card); a page that
 *   scrolls sideways; an element drawn off the screen.
 * - `control`: a text field, select or textarea that is not styled like the others (browser-default
 *   inset borders, another radius, border width or font size, or shorter than 32 px).
 *
 * It must stay self-contained: Playwright serialises the function into the page.
 */
export interface LayoutProblem {
  kind: 'clipped' | 'overflow' | 'text-overflow' | 'text-cut' | 'overlap' | 'sideways-scroll' | 'control';
  /** A short description of the element: tag, id or classes, and its text. */
  element: string;
  detail: string;
}

export function findLayoutProblems(): LayoutProblem[] {
  const TOLERANCE = 1.5;
  const problems: LayoutProblem[] = [];
  const style = new Map<Element, CSSStyleDeclaration>();
  const cs = (el: Element): CSSStyleDeclaration => {
    let s = style.get(el);
    if (!s) style.set(el, (s = getComputedStyle(el)));
    return s;
  };
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}`;
  };
  const report = (kind: LayoutProblem['kind'], el: Element, detail: string) => problems.push({ kind, element: describe(el), detail });

  interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  const fmt = (b: Box) => `${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`;
  const paddingBox = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    const left = r.left + el.clientLeft;
    const top = r.top + el.clientTop;
    // clientWidth is 0 for inline elements: fall back to the border box.
    return el.clientWidth || el.clientHeight
      ? { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight }
      : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const empty = (b: Box) => b.right - b.left <= 0.5 || b.bottom - b.top <= 0.5;
  const clips = (v: string) => v === 'hidden' || v === 'clip';
  const scrolls = (v: string) => v === 'auto' || v === 'scroll';
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

  // What is not drawn, or drawn on purpose as 1 px (visually-hidden labels), is not checked.
  const skipped = new Set<Element>();
  const isSkipped = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (skipped.has(e)) return true;
      const s = cs(e);
      if (
        s.display === 'none' ||
        (s.clip !== 'auto' && s.clip !== '') ||
        s.clipPath !== 'none' ||
        ['SCRIPT', 'STYLE', 'OPTION', 'OPTGROUP', 'TEMPLATE', 'HEAD', 'TITLE'].includes(e.tagName) ||
        (e instanceof SVGElement && e.tagName.toLowerCase() !== 'svg')
      ) {
        skipped.add(e);
        return true;
      }
    }
    return false;
  };
  const visible = (el: Element): boolean => {
    if (isSkipped(el)) return false;
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  /** The ancestors that clip `el` (its containing-block chain), nearest first. */
  const clippersOf = (el: Element): Element[] => {
    const out: Element[] = [];
    let position = cs(el).position;
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      if (position === 'fixed') break;
      const ps = cs(p);
      // An absolutely positioned element escapes the overflow of static ancestors below its containing block.
      if (position === 'absolute' && ps.position === 'static' && ps.transform === 'none') continue;
      position = ps.position;
      if (ps.overflowX !== 'visible' || ps.overflowY !== 'visible') out.push(p);
    }
    return out;
  };
  /** The box of `el` still drawn after its clipping ancestors (scrollers included). */
  const drawnBox = (el: Element, box: Box): Box => {
    let b = box;
    for (const c of clippersOf(el)) b = intersect(b, paddingBox(c));
    return b;
  };
  /** A sideways scroller is fine when it is a named, focusable region: keyboard users can scroll it. */
  const isScrollRegion = (el: Element) =>
    el.getAttribute('role') === 'region' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) && (el as HTMLElement).tabIndex >= 0;
  /** The layer an element is drawn in: the nearest out-of-flow (absolute, fixed, sticky) ancestor, or the page. */
  const layerOf = (el: Element): Element => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const p = cs(e).position;
      if (p === 'absolute' || p === 'fixed' || p === 'sticky') return e;
    }
    return document.documentElement;
  };
  const titled = (el: Element, text: string): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const t = e.getAttribute('title');
      if (t !== null) return norm(t).includes(norm(text));
    }
    return false;
  };
  const formControl = (el: Element) => ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);

  // The page itself must not scroll sideways.
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollWidth > innerWidth + TOLERANCE) {
    problems.push({ kind: 'sideways-scroll', element: '<html>', detail: `the page is ${page.scrollWidth} px wide in a ${innerWidth} px window` });
  }

  const elements = Array.from(document.body.querySelectorAll('*')).filter(visible);
  const flagged = new Set<Element>();
  const hasFlaggedAncestor = (el: Element) => {
    for (let e = el.parentElement; e; e = e.parentElement) if (flagged.has(e)) return true;
    return false;
  };
  interface Obstacle {
    el: Element;
    box: Box;
    layer: Element;
    text: boolean;
  }
  const obstacles: Obstacle[] = [];

  for (const el of elements) {
    const s = cs(el);
    const rect = el.getBoundingClientRect();
    const box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };

    // Sideways scrolling inside the page.
    if (!formControl(el) && scrolls(s.overflowX) && el.scrollWidth > el.clientWidth + TOLERANCE && !isScrollRegion(el)) {
      report('sideways-scroll', el, `scrolls sideways (${el.scrollWidth} px of content in ${el.clientWidth} px) and is not a named, focusable region`);
    }

    // Cut by a clipping ancestor.
    if (!hasFlaggedAncestor(el)) {
      for (const c of clippersOf(el)) {
        const cst = cs(c);
        const pb = paddingBox(c);
        const outX = clips(cst.overflowX) && (box.right > pb.right + TOLERANCE || box.left < pb.left - TOLERANCE);
        const outY = clips(cst.overflowY) && (box.bottom > pb.bottom + TOLERANCE || box.top < pb.top - TOLERANCE);
        if (!outX && !outY) continue;
        const text = norm(c.textContent ?? '');
        const ellipsis = outX && !outY && cst.textOverflow === 'ellipsis' && s.display.startsWith('inline');
        if (ellipsis && titled(c, text)) break;
        flagged.add(el);
        report(
          ellipsis ? 'text-cut' : 'clipped',
          el,
          ellipsis
            ? `cut with an ellipsis by ${describe(c)} but no title holds the whole text`
            : `box ${fmt(box)} is cut by ${describe(c)} (${fmt(pb)}, overflow ${cst.overflowX}/${cst.overflowY})`,
        );
        break;
      }
    }

    // Sticking out of a parent that lets it spill.
    const position = s.position;
    const parent = el.parentElement;
    if (parent && parent !== document.body && !flagged.has(el) && (position === 'static' || position === 'relative') && s.float === 'none') {
      const ps = cs(parent);
      const pr = parent.getBoundingClientRect();
      const outX = ps.overflowX === 'visible' && (box.right > pr.right + TOLERANCE || box.left < pr.left - TOLERANCE);
      const outY = ps.overflowY === 'visible' && ps.display !== 'contents' && (box.bottom > pr.bottom + TOLERANCE || box.top < pr.top - TOLERANCE);
      if ((outX || outY) && !hasFlaggedAncestor(el)) {
        flagged.add(el);
        report('overflow', el, `box ${fmt(box)} sticks out of its parent ${describe(parent)} (${fmt(pr)})`);
      }
    }

    // Controls take part in overlaps; so do the texts below.
    if (['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || el.getAttribute('role') === 'button') {
      const drawn = drawnBox(el, box);
      if (!empty(drawn)) obstacles.push({ el, box: drawn, layer: layerOf(el), text: false });
    }

    // Off the screen (after clipping: what a scroller hides is not off the screen).
    const drawn = drawnBox(el, box);
    if (!empty(drawn) && (drawn.right > innerWidth + TOLERANCE || drawn.left < -TOLERANCE) && !hasFlaggedAncestor(el) && !flagged.has(el)) {
      flagged.add(el);
      report('sideways-scroll', el, `drawn off the screen (${fmt(drawn)} in a ${innerWidth} px window)`);
    }
  }

  // Texts: out of their box, cut without ellipsis and title, or over another text or control.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.trim()) continue;
    const parent = node.parentElement;
    if (!parent || !visible(parent) || formControl(parent) || parent.closest('select, textarea')) continue;
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    let block: Element = parent;
    while (cs(block).display.startsWith('inline') && block.parentElement) block = block.parentElement;
    const bs = cs(block);
    const pb = paddingBox(block);
    const union = rects.reduce<Box>(
      (u, r) => ({ left: Math.min(u.left, r.left), top: Math.min(u.top, r.top), right: Math.max(u.right, r.right), bottom: Math.max(u.bottom, r.bottom) }),
      { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity },
    );
    const outX = union.right > pb.right + TOLERANCE || union.left < pb.left - TOLERANCE;
    const outY = union.bottom > pb.bottom + 2 || union.top < pb.top - 2;
    if ((outX || outY) && !flagged.has(parent) && !hasFlaggedAncestor(parent)) {
      const cutX = outX && clips(bs.overflowX);
      const cutY = outY && clips(bs.overflowY);
      if (cutX || cutY) {
        const ellipsis = cutX && !cutY && bs.textOverflow === 'ellipsis';
        if (!(ellipsis && titled(block, block.textContent ?? ''))) {
          flagged.add(parent);
          report('text-cut', parent, ellipsis ? 'cut with an ellipsis but no title holds the whole text' : `text ${fmt(union)} is cut by its box ${fmt(pb)} without an ellipsis`);
        }
      } else if ((outX && bs.overflowX === 'visible') || (outY && bs.overflowY === 'visible')) {
        flagged.add(parent);
        report('text-overflow', parent, `text ${fmt(union)} runs out of its box ${describe(block)} (${fmt(pb)})`);
      }
    }
    const layer = layerOf(parent);
    const ownClip = cs(parent).overflowX !== 'visible' || cs(parent).overflowY !== 'visible';
    for (const r of rects) {
      // A text is cut by its own element too (an ellipsis), then by the element's clipping ancestors.
      const line = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      const drawn = drawnBox(parent, ownClip ? intersect(line, paddingBox(parent)) : line);
      if (!empty(drawn)) obstacles.push({ el: parent, box: drawn, layer, text: true });
    }
  }

  // Overlaps within one layer: text over text, or text over a control it is not part of.
  const reported = new Set<string>();
  for (let i = 0; i < obstacles.length; i++) {
    const a = obstacles[i]!;
    for (let j = i + 1; j < obstacles.length; j++) {
      const b = obstacles[j]!;
      if (a.layer !== b.layer || (!a.text && !b.text) || a.el === b.el) continue;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const o = intersect(a.box, b.box);
      if (o.right - o.left <= 2 || o.bottom - o.top <= 2) continue;
      const key = describe(a.el) + '|' + describe(b.el);
      if (reported.has(key)) continue;
      reported.add(key);
      report('overlap', a.el, `drawn over ${describe(b.el)} (${fmt(o)})`);
    }
  }

  // One set of form controls: no browser-default boxes, and the same radius, border and font size everywhere.
  const controls = elements.filter(
    (el) =>
      el.tagName === 'SELECT' ||
      el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && !['checkbox', 'radio', 'color', 'range', 'hidden', 'file', 'submit', 'button', 'reset', 'image'].includes((el as HTMLInputElement).type)),
  );
  // Code (monospace: an embed snippet, a rule as JSON) may have its own size; the box is the same.
  const signature = (el: Element) => {
    const s = cs(el);
    const font = /mono/i.test(s.fontFamily) ? 'monospace' : s.fontSize;
    return `radius ${s.borderTopLeftRadius}, border ${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}, font ${font}`;
  };
  const reference = controls.find((el) => !/mono/i.test(cs(el).fontFamily) && el !== document.activeElement);
  const expected = reference ? signature(reference).replace(/font .*/, '') : '';
  for (const el of controls) {
    const s = cs(el);
    const h = el.getBoundingClientRect().height;
    const sig = signature(el);
    const sameBox = sig.replace(/font .*/, '') === expected;
    const sameFont = sig.endsWith('monospace') || !reference || sig === signature(reference);
    // A focused control shows the accent border: compare it as the others look.
    if (document.activeElement === el) continue;
    if (s.borderTopStyle !== 'solid' || !sameBox || !sameFont || h < 32) {
      report('control', el, `${sig}, ${Math.round(h)} px high; the first control on the page has ${reference ? signature(reference) : '—'}`);
    }
  }
  return problems;
}

/**
 * Runs the check in `page`. The function goes in as source text with a stand-in for `__name`, the
 * helper esbuild (tsx, vitest) adds around named inner functions, which the page does not have.
 */
export function layoutProblems(page: { evaluate<T>(script: string): Promise<T> }): Promise<LayoutProblem[]> {
  return page.evaluate<LayoutProblem[]>(`(() => { const __name = (f) => f; return (${findLayoutProblems.toString()})(); })()`);
}
