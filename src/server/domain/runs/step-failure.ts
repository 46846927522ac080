/**
 * A step that did not succeed. `retryable` says whether trying again can help: a timeout, a
 * network error or a 5xx/429 from the target can; a 4xx, a refused address or bad input cannot
 * (the run fails at once rather than hammering the target five times).
 */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** Attempts per step and the backoff between them (seed 001): from 1 s, reaching 5 min. */
export const MAX_STEP_ATTEMPTS = 5;
export const RETRY_FIRST_MS = 1_000;
export const RETRY_LAST_MS = 5 * 60_000;

/**
 * Delay before attempt `failedAttempts + 1`: geometric from 1 s to exactly 5 min before the last
 * attempt (1 s, 6.7 s, 44.8 s, 5 min). Plain doubling from 1 s would only reach 8 s.
 */
export function retryDelayMs(failedAttempts: number): number {
  const gaps = MAX_STEP_ATTEMPTS - 1;
  const n = Math.min(Math.max(failedAttempts, 1), gaps);
  const ratio = (RETRY_LAST_MS / RETRY_FIRST_MS) ** (1 / (gaps - 1));
  return Math.round(RETRY_FIRST_MS * ratio ** (n - 1));
}

/** BullMQ priority of a dispatch (1 is highest): retries jump ahead of fresh runs. */
export function dispatchPriority(failedAttempts: number): number {
  return failedAttempts > 0 ? Math.max(1, 5 - failedAttempts) : 10;
}
