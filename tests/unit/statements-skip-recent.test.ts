import { describe, expect, it } from 'vitest';
import { SKIP_RECENT_OPTIONS, skipRecentSince, type SkipRecent } from '@/lib/statements/skip-recent';

// Instants are written in UTC; the machine's zone is UTC (as in CI), so calendar arithmetic happens in UTC.
const at = (iso: string) => new Date(iso);

describe('skipRecentSince', () => {
  const now = at('2026-06-15T10:30:00.000Z');

  it('offers the five options of the modal, in order', () => {
    expect(SKIP_RECENT_OPTIONS.map((o) => [o.value, o.label])).toEqual([
      ['none', 'None'],
      ['24h', '24 hours'],
      ['72h', '72 hours'],
      ['1w', '1 week'],
      ['1m', '1 month'],
    ]);
  });

  it.each<[SkipRecent, string | null]>([
    ['none', null],
    ['24h', '2026-06-14T10:30:00.000Z'],
    ['72h', '2026-06-12T10:30:00.000Z'],
    ['1w', '2026-06-08T10:30:00.000Z'],
    ['1m', '2026-05-15T10:30:00.000Z'],
  ])('%s starts the window at %s', (option, expected) => {
    expect(skipRecentSince(option, now)?.toISOString() ?? null).toBe(expected);
  });

  it.each([
    ['2026-03-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z'],
    ['2028-03-31T09:00:00.000Z', '2028-02-29T09:00:00.000Z'],
    ['2026-03-30T09:00:00.000Z', '2026-02-28T09:00:00.000Z'],
    ['2026-05-31T09:00:00.000Z', '2026-04-30T09:00:00.000Z'],
    ['2026-01-31T09:00:00.000Z', '2025-12-31T09:00:00.000Z'],
  ])('1 month back from %s is a calendar month (%s), not 30 days', (from, expected) => {
    expect(skipRecentSince('1m', at(from))!.toISOString()).toBe(expected);
  });

  it('does not change the `now` it was given', () => {
    const pinned = at('2026-03-31T09:00:00.000Z');
    for (const o of SKIP_RECENT_OPTIONS) skipRecentSince(o.value, pinned);
    expect(pinned.toISOString()).toBe('2026-03-31T09:00:00.000Z');
  });
});
