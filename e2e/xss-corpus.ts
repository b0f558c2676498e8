/**
 * At least 200 XSS payloads, each of which sets `self.__xss` if it ever runs. Classic vectors
 * (tags, event handlers, javascript: URLs, SVG, template and attribute breakouts, encodings) times
 * the contexts a renderer might paste them into.
 */
const JS = 'self.__xss=1';

const vectors = [
  `<script>${JS}</script>`,
  `<img src=x onerror="${JS}">`,
  `<img src=x onerror=${JS}>`,
  `<svg onload=${JS}>`,
  `<svg><script>${JS}</script></svg>`,
  `<body onload=${JS}>`,
  `<iframe src="javascript:${JS}"></iframe>`,
  `<iframe srcdoc="<script>parent.${JS}</script>"></iframe>`,
  `<a href="javascript:${JS}">click</a>`,
  `javascript:${JS}`,
  `JaVaScRiPt:${JS}`,
  `java\tscript:${JS}`,
  `&#106;avascript:${JS}`,
  `<details open ontoggle=${JS}>`,
  `<video><source onerror=${JS}></video>`,
  `<audio src=x onerror=${JS}>`,
  `<input autofocus onfocus=${JS}>`,
  `<select autofocus onfocus=${JS}>`,
  `<textarea autofocus onfocus=${JS}></textarea>`,
  `<marquee onstart=${JS}>`,
  `<object data="javascript:${JS}"></object>`,
  `<embed src="javascript:${JS}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${JS}>`,
  `<style>@import 'javascript:${JS}';</style>`,
  `<link rel=stylesheet href="javascript:${JS}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
  `<form action="javascript:${JS}"><button>x</button></form>`,
  `<div style="background:url(javascript:${JS})">`,
  `<img src="x" onerror="eval(atob('c2VsZi5fX3hzcz0x'))">`,
  `<svg><animate onbegin=${JS} attributeName=x dur=1s>`,
  `<img src=x:x onerror=${JS}//`,
  `"><img src=x onerror=${JS}>`,
  `'><svg onload=${JS}>`,
  `</textarea><script>${JS}</script>`,
  `</title><script>${JS}</script>`,
  `{{constructor.constructor('${JS}')()}}`,
  `\${${JS}}`,
  `<img src=x onerror=&#115;&#101;&#108;&#102;.__xss=1>`,
  `%3Cscript%3E${JS}%3C/script%3E`,
  `<scr<script>ipt>${JS}</scr</script>ipt>`,
  `data:text/html,<script>${JS}</script>`,
];

const contexts = [
  (v: string) => v,
  (v: string) => `Hello ${v} there`,
  (v: string) => `[link](${v})`,
  (v: string) => `https://shop.test/?q=${v}`,
  (v: string) => `**${v}**\n${v.toUpperCase()}`,
];

export const XSS_PAYLOADS: string[] = [...new Set(vectors.flatMap((v) => contexts.map((c) => c(v))))];
