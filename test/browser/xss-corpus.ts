/**
 * Hostile strings stored in every field the UI shows (titles, bodies, sources, authors, URLs, entity
 * names, quotes, relation and figure text). Each payload that ran would set window.__xss; none may.
 * Built from the classic filter-evasion families: tags, attribute breakouts, event handlers, URL
 * schemes, encodings, SVG/MathML, template and CSS tricks.
 */
const RUN = 'window.__xss=1';

const TAG_PAYLOADS = [
  `<script>${RUN}</script>`,
  `<SCRIPT SRC=data:text/javascript,${RUN}></SCRIPT>`,
  `<img src=x onerror="${RUN}">`,
  `<img src=x onerror=${RUN}//`,
  `<svg onload=${RUN}>`,
  `<svg><script>${RUN}</script></svg>`,
  `<body onload=${RUN}>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<details open ontoggle=${RUN}>`,
  `<video><source onerror="${RUN}"></video>`,
  `<audio src=x onerror=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<select autofocus onfocus=${RUN}></select>`,
  `<textarea autofocus onfocus=${RUN}></textarea>`,
  `<marquee onstart=${RUN}>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<a href="javascript:${RUN}">click</a>`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<base href="javascript:${RUN}//">`,
  `<link rel=stylesheet href="javascript:${RUN}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<div style="background:url(javascript:${RUN})">`,
  `<template><img src=x onerror=${RUN}></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<xmp><img src=x onerror=${RUN}></xmp>`,
  `<isindex type=image src=1 onerror=${RUN}>`,
];

const BREAKOUT_PAYLOADS = [
  `"><script>${RUN}</script>`,
  `'><img src=x onerror=${RUN}>`,
  `" onmouseover="${RUN}`,
  `' autofocus onfocus='${RUN}`,
  `</title><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</script><script>${RUN}</script>`,
  `--><script>${RUN}</script>`,
  `]]><script>${RUN}</script>`,
  `\`\${${RUN}}\``,
  `{{constructor.constructor('${RUN}')()}}`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `&#60;img src=x onerror=${RUN}&#62;`,
  `\u003cimg src=x onerror=${RUN}\u003e`,
  `%3Cscript%3E${RUN}%3C/script%3E`,
  `<img src=x onerror=&#119;indow.__xss=1>`,
  `<svg/onload=${RUN}>`,
  `<img\tsrc=x\tonerror=${RUN}>`,
  `<img src=x onerror\n=${RUN}>`,
];

/** URLs: none of these may become a link (only http(s) may). */
export const XSS_URLS = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `javascript&#58;${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `vbscript:msgbox(1)`,
];

export const XSS_PAYLOADS: readonly string[] = [...TAG_PAYLOADS, ...BREAKOUT_PAYLOADS, ...XSS_URLS];
