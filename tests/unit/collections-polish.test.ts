import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatInstantDateTime, formatInstantDay } from '@/lib/aging/format-instant';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';
import { escalationTitle } from '@/lib/dunning/escalation-title';
import { CollectionsCell } from '@/components/aging/collections-cell';
import { NO_COLLECTIONS } from '@/lib/receivables/aging-collections';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('instants in the company time zone', () => {
  it.each([
    // 03:30 UTC on Nov 28 is still Nov 27 in New York, already Nov 28 in Berlin and Tokyo.
    ['2026-11-28T03:30:00Z', 'America/New_York', 'Nov 27'],
    ['2026-11-28T03:30:00Z', 'Europe/Berlin', 'Nov 28'],
    ['2026-11-28T23:30:00Z', 'Asia/Tokyo', 'Nov 29'],
    ['2026-11-28T23:30:00Z', 'UTC', 'Nov 28'],
    // Another year than today's (in that zone) keeps the year.
    ['2025-12-31T23:00:00Z', 'UTC', 'Dec 31, 2025'],
    ['2025-12-31T23:00:00Z', 'Europe/Berlin', 'Jan 1'],
  ])('%s in %s is %s', (iso, tz, expected) => {
    expect(formatInstantDay(iso, tz, NOW)).toBe(expected);
  });

  it('date and time, in the zone', () => {
    expect(formatInstantDateTime('2026-11-28T03:30:00Z', 'America/New_York')).toBe('Nov 27, 2026, 10:30 PM');
    expect(formatInstantDateTime('2026-11-28T03:30:00Z', 'Europe/Berlin')).toBe('Nov 28, 2026, 4:30 AM');
  });
});

describe('escalationTitle: one sentence for the whole run', () => {
  const levels = DEFAULT_POLICY.levels; // Friendly reminder, Firm reminder, Escalation (last email), Formal letter
  it('counts escalated customers per level name and letters together; other levels are not escalations', () => {
    expect(
      escalationTitle(levels, [
        { level: 1, customers: 40 },
        { level: 2, customers: 30 },
        { level: 3, customers: 12 },
        { level: 4, customers: 192 },
      ]),
    ).toBe('12 customers reached Escalation; 192 formal letters are due');
    expect(escalationTitle(levels, [{ level: 3, customers: 1 }])).toBe('1 customer reached Escalation');
    expect(escalationTitle(levels, [{ level: 4, customers: 1 }])).toBe('1 formal letter is due');
    expect(escalationTitle(levels, [{ level: 4, customers: 1200 }])).toBe('1,200 formal letters are due');
  });
  it('null when nothing escalated', () => {
    expect(escalationTitle(levels, [{ level: 1, customers: 5 }])).toBeNull();
    expect(escalationTitle(levels, [])).toBeNull();
  });
});

describe("the aging grid's compact Collections cell", () => {
  const render = (c: Parameters<typeof CollectionsCell>[0]['c'], timeZone = 'America/New_York') =>
    renderToStaticMarkup(createElement(CollectionsCell, { c, timeZone, now: NOW }));
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");

  it('never contacted: "Never", labelled for screen readers', () => {
    expect(text(render(NO_COLLECTIONS))).toBe('Last contact: Never');
    expect(text(render(undefined))).toBe('Last contact: Never');
  });

  it('last contact on the company calendar, then next action, promise and hold on the second line', () => {
    const html = render({
      lastContactAt: '2026-11-28T03:30:00.000Z',
      lastContactKind: 'call',
      nextAction: 'call_back',
      nextActionOn: '2026-12-02',
      promise: { id: 'p', state: 'broken', amountMinor: 120_000, currency: 'USD', promisedOn: '2026-11-20' },
      hold: { kind: 'dispute', reason: 'Wrong price', endsOn: '2026-12-10', invoiceId: null, count: 2 },
    });
    expect(text(html)).toBe('Last contact: Call · Nov 27Next action: Call back · Dec 2Promise brokenDisputed+1');
    expect(html).toContain('title="Promise broken: $1,200.00 by November 20, 2026"');
    expect(html).toContain('title="Wrong price, until December 10, 2026"');
    expect(html).toContain('title="Nov 27, 2026, 10:30 PM"');
    expect(html).toContain('<span class="sr-only">Last contact: </span>');
    expect(html).toContain('<span class="sr-only">Next action: </span>');
  });

  it('a next action in another year keeps its year', () => {
    expect(text(render({ ...NO_COLLECTIONS, nextAction: 'legal_review', nextActionOn: '2027-01-05' }))).toBe(
      'Last contact: NeverNext action: Legal review · Jan 5, 2027',
    );
  });
});
