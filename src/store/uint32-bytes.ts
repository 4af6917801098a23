/**
 * Integer arrays as stored bytes: little-endian uint32, the layout of both backends' BLOB/bytea
 * columns (fingerprint words, LSH chunks), so `sitrep migrate` copies them unchanged.
 */

export const uint32Bytes = (values: Uint32Array): Buffer =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength);

/**
 * The uint32 values of stored bytes: a view on the driver's Buffer when it is 4-byte aligned, else a
 * copy. A view is safe: drivers hand out fresh Buffers (better-sqlite3 its own, pg a slice of Node's
 * pool, which never reuses memory still referenced), and copying every array of every candidate was
 * ~4% of indexing time at 400k articles.
 */
export const uint32sOf = (bytes: Buffer): Uint32Array => {
  if (bytes.byteOffset % 4 === 0)
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
};
