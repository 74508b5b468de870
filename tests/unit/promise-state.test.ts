import { describe, expect, it } from 'vitest';
import { promiseState, type PromiseState } from '@/lib/collections/promise-state';

describe('promiseState', () => {
  const promisedOn = '2026-03-10';
  const cases: [string, bigint, string, PromiseState][] = [
    ['nothing paid, before the date', 0n, '2026-03-05', 'pending'],
    ['nothing paid, on the date (the whole day counts)', 0n, '2026-03-10', 'pending'],
    ['part paid, before the date', 400n, '2026-03-09', 'pending'],
    ['paid in full before the date', 1_000n, '2026-03-01', 'kept'],
    ['paid more than promised', 1_500n, '2026-03-01', 'kept'],
    ['paid in full, asked after the date', 1_000n, '2026-04-01', 'kept'],
    ['part paid, the day after the date', 400n, '2026-03-11', 'partly_kept'],
    ['one minor unit short after the date', 999n, '2026-03-11', 'partly_kept'],
    ['nothing paid, the day after the date', 0n, '2026-03-11', 'broken'],
  ];
  it.each(cases)('%s', (_, paidMinor, asOf, expected) => {
    expect(promiseState({ amountMinor: 1_000n, paidMinor, promisedOn }, asOf)).toBe(expected);
  });
});
