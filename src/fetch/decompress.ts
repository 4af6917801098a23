import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { FetchError } from './fetch-error.js';

/**
 * Undoes Content-Encoding (gzip, deflate, br; several are applied in order). The output cap is
 * enforced by zlib itself (maxOutputLength), so a small bomb never expands past it in memory.
 */
export const decodeContent = (
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Buffer => {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let bytes = body;
  for (const coding of codings.reverse()) {
    const options = { maxOutputLength: maxBytes + 1 };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, options);
      else if (coding === 'br') bytes = brotliDecompressSync(bytes, options);
      else if (coding === 'deflate')
        // "deflate" is zlib-wrapped by the RFC, raw by some servers: the zlib header tells which.
        bytes =
          ((bytes[0] ?? 0) & 0x0f) === 8
            ? inflateSync(bytes, options)
            : inflateRawSync(bytes, options);
      else throw new FetchError('BAD_ENCODING', `unsupported Content-Encoding "${coding}"`);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (
        error instanceof RangeError ||
        (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
      )
        throw new FetchError('TOO_LARGE', `body larger than ${maxBytes} bytes once decompressed`);
      throw new FetchError(
        'BAD_ENCODING',
        `cannot decode ${coding} body: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    if (bytes.byteLength > maxBytes)
      throw new FetchError('TOO_LARGE', `body larger than ${maxBytes} bytes once decompressed`);
  }
  return bytes;
};
