/**
 * Nesting depth measured without recursion, so the check itself cannot be the stack overflow it
 * guards against. Both stop counting meaningfully at `limit`; the answer is only "deeper or not".
 */

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen command basefont bgsound frame isindex'.split(
    ' ',
  ),
);
const RAW_TEXT_ELEMENTS = new Set(
  'script style textarea title xmp iframe noembed noframes plaintext'.split(' '),
);
const RAW_TEXT_ENDS = new Map<string, RegExp>();
/** Opening one of these while the same element is open closes it first, as browsers do. */
const SIBLING_ELEMENTS = new Set('p li option dt dd tr td th'.split(' '));

// `[^<>]*` (not `[^>]*`) so a `<` without a closing `>` costs one scan to the next `<`, not to the end.
// After the name comes `>` or a space or slash: the name's characters and the attributes' cannot
// overlap, so a long `<name...` with no `>` is one scan, not a backtrack over every split (a fuzzed
// 94 KB feed took 22 s). Comments and CDATA sections are skipped whole: markup escaped inside a
// feed item is not nesting.
const TAG =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(\/?)([a-zA-Z][^\s/<>]*)(?:[\s/][^<>]*)?>/g;

/**
 * True when HTML nests elements deeper than `limit`. A linear scan of the tags with an explicit
 * stack: htmlparser2's own tree building is quadratic at such depths (37 s for 100,000 <div>s),
 * which is the cost this check exists to avoid. Close tags pop to their match (unmatched ones are
 * ignored), void and self-closed elements do not nest, raw-text elements are skipped whole.
 */
export const htmlDepthExceeds = (html: string, limit: number): boolean => {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const tag = new RegExp(TAG.source, 'g');
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue;
    if (match[1] === '/') {
      if (!open.get(name)) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, (open.get(top) ?? 1) - 1);
        if (top === name) break;
      }
      continue;
    }
    if (VOID_ELEMENTS.has(name) || match[0].endsWith('/>')) continue;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const end = RAW_TEXT_ENDS.get(name) ?? new RegExp(`</${name}`, 'gi');
      RAW_TEXT_ENDS.set(name, end);
      end.lastIndex = tag.lastIndex;
      if (end.exec(html) === null) return false;
      tag.lastIndex = end.lastIndex;
      continue;
    }
    if (SIBLING_ELEMENTS.has(name) && stack[stack.length - 1] === name) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > limit) return true;
  }
  return false;
};

/** True when JSON text nests arrays/objects deeper than `limit`; strings are skipped, not parsed. */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
};

/** True when a parsed JSON value nests deeper than `limit` (walked with an explicit stack). */
export const jsonValueDepthExceeds = (value: unknown, limit: number): boolean => {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (typeof frame.value !== 'object' || frame.value === null) continue;
    const depth = frame.depth + 1;
    if (depth > limit) return true;
    const children = Array.isArray(frame.value) ? frame.value : Object.values(frame.value);
    for (const child of children) stack.push({ value: child, depth });
  }
  return false;
};
