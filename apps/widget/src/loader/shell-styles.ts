/** Below this width the panel is full-screen and the host page does not scroll behind it. */
export const MOBILE_QUERY = '(max-width:639.98px)';

/**
 * Styles for the launcher and the panel container, scoped to our shadow root. `:host { all: initial
 * !important }` cuts off every inherited or matching host-page rule (inner !important beats the
 * page's, even its !important ones); custom properties are namespaced because they still inherit.
 * The brand colors are set on the host element (widget-shell.ts); `data-side` on it picks the corner.
 */
export const SHELL_CSS =
  ':host{all:initial!important;--hearth-brand:#4f46e5;--hearth-on-brand:#fff;--hearth-ring:#a5b4fc}' +
  '*{box-sizing:border-box}' +
  '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;background:var(--hearth-brand);color:var(--hearth-on-brand);cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 6px 20px rgba(17,24,39,.28);animation:fade .4s;transition:.3s}' +
  // Transparent for its first 160 ms: the site's look (first visit) usually lands in that time, unseen.
  '@keyframes fade{0%,40%{opacity:0}}' +
  '.launcher[hidden]{display:none}' +
  '.launcher:hover{filter:brightness(1.1)}' +
  '.launcher:focus-visible{outline:3px solid var(--hearth-ring);outline-offset:3px}' +
  '.launcher svg{width:26px;height:26px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.launcher .x,.launcher[aria-expanded=true] .bubble{display:none}' +
  '.launcher[aria-expanded=true] .x{display:block}' +
  '.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border:2px solid #fff;border-radius:11px;background:#dc2626;color:#fff;font:700 12px/18px system-ui,sans-serif;text-align:center}' +
  '.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:370px;height:560px;max-height:calc(100vh - 108px);border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 12px 48px rgba(17,24,39,.3);opacity:0;transform:translateY(12px);visibility:hidden;transition:opacity .18s,transform .18s,visibility 0s .18s}' +
  '.panel.open{opacity:1;transform:none;visibility:visible;transition:opacity .18s,transform .18s}' +
  ':host([data-side=left]) .launcher,:host([data-side=left]) .panel{left:20px;right:auto}' +
  'iframe{display:block;width:100%;height:100%;border:0}' +
  // Full screen on phones, inside the notch and home-indicator insets; `:host([data-side])` outranks the corner rule.
  `@media ${MOBILE_QUERY}{:host([data-side]) .panel{inset:0;width:100%;height:100%;max-height:none;border-radius:0;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}.panel.open~.launcher{display:none}}` +
  '@media (prefers-reduced-motion:reduce){.panel,.panel.open{transition:none}}';
