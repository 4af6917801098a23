import iconv from 'iconv-lite';
import {
  declaredHtmlCharset,
  declaredXmlEncoding,
  detectSignature,
} from '../ingest/decode-bytes.js';
import { charsetOf } from '../ingest/http-payload.js';

const isValidUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * The readers find the charset in the document (BOM, XML prolog, <meta>). A document that declares
 * none gets the charset of the Content-Type header: its bytes are re-encoded as UTF-8 here, so the
 * readers see what the server meant. A document's own declaration wins, as it does for files.
 */
export const applyTransportCharset = (bytes: Buffer, contentType: string | undefined): Buffer => {
  const charset = charsetOf(contentType)?.toLowerCase();
  if (!charset || /^utf-?8$/.test(charset) || !iconv.encodingExists(charset)) return bytes;
  if (detectSignature(bytes) || declaredXmlEncoding(bytes) || declaredHtmlCharset(bytes))
    return bytes;
  if (isValidUtf8(bytes)) return bytes;
  return Buffer.from(iconv.decode(bytes, charset), 'utf8');
};
