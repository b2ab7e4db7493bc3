import { HtaError } from '../../src/errors.js';

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
