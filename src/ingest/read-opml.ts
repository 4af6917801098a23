import type { ReaderEvent } from '../core/raw-item.js';
import { compact, rejectedEvent, skippedEvent } from './reader-events.js';
import { readXmlDocument } from './xml-document.js';
import type { XmlElement } from './xml-tree.js';
import { elementChildren } from './xml-tree.js';

/** OPML subscription lists: every outline with an xmlUrl is a feed; enclosing outlines name its category. */
export const readOpml = (path: string, bytes: Uint8Array): ReaderEvent[] => {
  const { root, problem } = readXmlDocument(bytes);
  if (!root || root.local !== 'opml')
    return [rejectedEvent({ path }, `opml: ${problem ?? 'no <opml> root element'}`)];
  const events: ReaderEvent[] = [];
  const visit = (element: XmlElement, categories: readonly string[]): void => {
    for (const outline of elementChildren(element)) {
      if (outline.local !== 'outline') {
        visit(outline, categories);
        continue;
      }
      const label = (outline.attrs['title'] ?? outline.attrs['text'] ?? '').trim();
      const xmlUrl = outline.attrs['xmlurl']?.trim();
      if (xmlUrl) {
        const declared = outline.attrs['category']?.split(',')[0]?.replace(/^\//, '').trim();
        events.push({
          kind: 'feed',
          feed: compact({
            xmlUrl,
            title: label || undefined,
            htmlUrl: outline.attrs['htmlurl']?.trim() || undefined,
            category: categories.length > 0 ? categories.join('/') : declared || undefined,
            provenance: { path, recordIndex: events.length, url: xmlUrl },
          }),
        });
      }
      visit(outline, label ? [...categories, label] : categories);
    }
  };
  visit(root, []);
  return events.length > 0 ? events : [skippedEvent({ path }, 'opml: no outline has an xmlUrl')];
};
