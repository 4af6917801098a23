import { HttpError } from '../http-error.js';

/** A request's JSON body; a body that is not JSON is the client's error (400), never a 500. */
export const jsonBody = async (c: { req: { json: () => Promise<unknown> } }): Promise<unknown> => {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', 'the body is not JSON');
  }
};
