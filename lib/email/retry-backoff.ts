/** Attempts an email gets before it is marked failed. */
export const MAX_EMAIL_ATTEMPTS = 5;

const MINUTE = 60_000;
/** Wait after the 1st, 2nd, 3rd and 4th failed attempt. */
const DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE] as const;

/**
 * When to try an email again after its `attempts`-th attempt failed: 1 min, 5 min, 30 min, then 2 h; null once
 * `attempts` reaches MAX_EMAIL_ATTEMPTS (give up). Attempts count from 1.
 */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number from 1, got ${attempts}`);
  if (attempts >= MAX_EMAIL_ATTEMPTS) return null;
  const delay = DELAYS_MS[Math.min(attempts, DELAYS_MS.length) - 1]!;
  return new Date(now.getTime() + delay);
}
