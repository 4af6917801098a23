import type { RawItem } from '../core/raw-item.js';

type StoredItem = Omit<RawItem, 'raw' | 'body'> & {
  readonly body: { readonly kind: RawItem['body']['kind']; readonly content?: string };
};

/** Serialises what cleaning needs besides `raw`; the body is left out when it is the raw input itself. */
export const itemRecordOf = (item: RawItem): string => {
  const { raw, body, ...rest } = item;
  const content = body.kind === 'html' ? body.html : body.text;
  const stored: StoredItem = {
    ...rest,
    body: content === raw ? { kind: body.kind } : { kind: body.kind, content },
  };
  return JSON.stringify(stored);
};

/** Rebuilds the reader's record from what the store kept, for `reprocess`. */
export const itemFromRecord = (raw: string, itemRecord: string): RawItem => {
  const stored = JSON.parse(itemRecord) as StoredItem;
  const content = stored.body.content ?? raw;
  const { body, ...rest } = stored;
  return {
    ...rest,
    raw,
    body: body.kind === 'html' ? { kind: 'html', html: content } : { kind: 'text', text: content },
  };
};
