/** The options with their undefined values left out, typed as exact optional properties. */
export type DefinedOptions<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Query parameters arrive as `string | undefined`; the store's options are exact optional
 * properties, so absent filters must be missing rather than undefined.
 */
export const definedOptions = <T extends Record<string, unknown>>(options: T): DefinedOptions<T> =>
  Object.fromEntries(
    Object.entries(options).filter((entry) => entry[1] !== undefined),
  ) as DefinedOptions<T>;
