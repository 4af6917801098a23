/** Test helper: fixtures are written inline as strings; readers take bytes. */
export const bytesOf = (text: string, encoding: BufferEncoding = 'utf8'): Uint8Array =>
  Buffer.from(text, encoding);
