import { describe, expect, it } from 'vitest';
import { MAX_EMAIL_ATTEMPTS, nextAttemptAfterFailure } from '@/lib/email/retry-backoff';

const NOW = new Date('2026-05-20T09:00:00Z');
const minutesLater = (date: Date | null) => (date === null ? null : (date.getTime() - NOW.getTime()) / 60_000);

describe('nextAttemptAfterFailure', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 30],
    [4, 120],
  ])('after failed attempt %i waits %i minutes', (attempts, minutes) => {
    expect(minutesLater(nextAttemptAfterFailure(attempts, NOW))).toBe(minutes);
  });

  it('gives up after the 5th attempt, and beyond', () => {
    expect(MAX_EMAIL_ATTEMPTS).toBe(5);
    expect(nextAttemptAfterFailure(5, NOW)).toBeNull();
    expect(nextAttemptAfterFailure(6, NOW)).toBeNull();
  });

  it('never shortens the wait as attempts grow', () => {
    const waits = [1, 2, 3, 4].map((n) => minutesLater(nextAttemptAfterFailure(n, NOW))!);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  });

  it('does not move the clock it is given', () => {
    const now = new Date(NOW);
    nextAttemptAfterFailure(1, now);
    expect(now.getTime()).toBe(NOW.getTime());
  });

  it('rejects attempt counts that are not whole numbers from 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => nextAttemptAfterFailure(bad, NOW)).toThrow(RangeError);
  });
});
