/** The problems of an InputError that `run` must throw (any other error is rethrown; none at all fails the test). */
import { InputError, type Problem } from '../../src/input/inputError.js';

export function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}
