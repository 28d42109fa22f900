import { expect } from 'vitest';

import { AppError } from '../../src/server/platform/errors.js';

/** Awaits a promise that must reject with an AppError, and returns that error for inspection. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );

  expect(outcome).toBeInstanceOf(AppError);

  return outcome as AppError;
}
