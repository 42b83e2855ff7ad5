/** The exit codes of `yibao`, as documented in README "CLI reference". */
export { INTERRUPTED_EXIT } from '../io/interrupt.js';

export const EXIT_OK = 0;
/** An internal error (with a stack); also `yibao settle` when some claim lines were bad. */
export const EXIT_FAILED = 1;
/** A user mistake: bad input files, options or command. */
export const EXIT_USAGE = 2;
