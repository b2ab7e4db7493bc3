import { expect } from 'vitest';
import { formatError, HtaError } from '../../src/errors.js';

/** The HtaError `fn` throws (any other error is rethrown; no error fails the test). */
export function errorOf(fn: () => unknown): HtaError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HtaError) return err;
    throw err;
  }
  throw new Error('expected an HtaError');
}

/** The message a refusal prints (formatError) of the input error `fn` throws: exit 2, as bad input exits. */
export function refusalText(fn: () => unknown): string {
  const err = errorOf(fn);
  expect(err.exitCode).toBe(2);
  return formatError(err);
}
