import { Parser } from 'htmlparser2';

/**
 * Nesting depth measured without recursion, so the check itself cannot be the stack overflow it
 * guards against. Both stop counting meaningfully at `limit`; the answer is only "deeper or not".
 */

/** True when HTML nests elements deeper than `limit` (implied closes counted as a browser would). */
export const htmlDepthExceeds = (html: string, limit: number): boolean => {
  let depth = 0;
  let exceeded = false;
  const parser = new Parser(
    {
      onopentagname() {
        if (++depth > limit) exceeded = true;
      },
      onclosetag() {
        depth = Math.max(0, depth - 1);
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return exceeded;
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
