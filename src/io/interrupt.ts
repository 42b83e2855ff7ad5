/**
 * Ctrl-C as an AbortSignal: while `fn` runs, SIGINT or SIGTERM aborts the signal so that writers can
 * remove their temporary output and the command can stop cleanly. A second signal exits at once.
 */

/** Exit code after an interruption (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT = 130;

export async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT);
    const err = new Error('interrupted');
    err.name = 'AbortError';
    controller.abort(err);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
