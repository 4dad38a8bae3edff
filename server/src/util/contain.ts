// Runs calls into third-party parsers so that an exception on malformed input becomes a value, never a crash.

export interface ContainedFailure {
  readonly failed: true;
  readonly what: string;
  readonly error: unknown;
}

/** Reports failures that were contained; the server logs them, tests can collect them. */
export type FailureListener = (failure: ContainedFailure) => void;

let listener: FailureListener | undefined;

export function onContainedFailure(next: FailureListener | undefined): void {
  listener = next;
}

/** Calls `fn`; when it throws, reports the failure and returns `fallback`. `what` may be a function, so a hot path builds no message until something fails. */
export function contain<T>(what: string | (() => string), fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    listener?.({ failed: true, what: typeof what === 'string' ? what : what(), error });
    return fallback;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? error.message;
  }
  return String(error);
}
