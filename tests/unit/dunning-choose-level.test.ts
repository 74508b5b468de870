import { describe, expect, it } from 'vitest';
import { chooseLevel, isEscalation } from '@/lib/dunning/choose-level';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';

const levels = DEFAULT_POLICY.levels;

describe('chooseLevel: the highest level whose days the invoice reached', () => {
  it.each([
    [0, null],
    [1, 1],
    [14, 1],
    [15, 2],
    [29, 2],
    [30, 3],
    [59, 3],
    [60, 4],
    [400, 4],
  ])('%i days overdue -> level %s', (days, level) => {
    expect(chooseLevel(levels, days)).toBe(level);
  });

  it('a policy starting later leaves early invoices alone', () => {
    expect(chooseLevel([{ days: 10 }, { days: 20 }], 9)).toBeNull();
    expect(chooseLevel([{ days: 10 }, { days: 20 }], 20)).toBe(2);
  });
});

describe('isEscalation: the last email level or a letter', () => {
  it('in the default chain, level 3 (the last email) and level 4 (the letter) escalate', () => {
    expect([1, 2, 3, 4].map((l) => isEscalation(levels, l))).toEqual([false, false, true, true]);
  });

  it('calls do not escalate; a missing level does not either', () => {
    const chain = [{ channel: 'email' as const }, { channel: 'call' as const }];
    expect([1, 2, 3].map((l) => isEscalation(chain, l))).toEqual([true, false, false]);
  });
});
