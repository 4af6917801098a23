import type { z } from 'zod';
import { HttpError } from './http-error.js';

/** Parses a request part with a zod schema; a mismatch is a 400 naming the field and the problem. */
export const validate = <S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new HttpError(400, 'INVALID_ARGUMENT', `invalid ${where}: ${message}`);
};
