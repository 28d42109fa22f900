import { ApiError } from '../api/client.js';

/**
 * The server's message for one field of a refused form (`body.surname` → «…»), so it shows under
 * that field rather than only in the summary.
 */
export function serverFieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) {
    return undefined;
  }

  const match = error.fieldErrors.find(
    (fieldError) => fieldError.field === field || fieldError.field === `body.${field}`,
  );

  return match?.message;
}
