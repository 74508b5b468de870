import { describe, expect, it } from 'vitest';
import { decideCustomer, type CandidateInvoice, type CustomerFacts } from '@/lib/dunning/skip-reasons';

const RUN_ON = '2026-03-20';
const rules = { minIntervalDays: 14, minimums: { USD: 2_500 } };

const inv = (n: number, over: Partial<CandidateInvoice> = {}): CandidateInvoice => ({
  invoiceId: `i${n}`,
  number: `INV-${n}`,
  currency: 'USD',
  dueDate: '2026-03-01',
  balanceMinor: 10_000,
  daysOverdue: 19,
  level: 2,
  onHold: false,
  disputed: false,
  promisePending: false,
  ...over,
});
const facts = (invoices: CandidateInvoice[], over: Partial<CustomerFacts> = {}): CustomerFacts => ({
  optedOut: false,
  lastRemindedOn: null,
  unappliedByCurrency: {},
  overdueByCurrency: {},
  invoices,
  ...over,
});
const ids = (d: ReturnType<typeof decideCustomer>) => ({ send: d.send.map((i) => i.invoiceId), skips: d.skips.map((s) => [s.reason, s.invoiceIds]) });

describe('decideCustomer', () => {
  it('sends every invoice when no rule applies', () => {
    expect(ids(decideCustomer(facts([inv(1), inv(2)]), rules, RUN_ON))).toEqual({ send: ['i1', 'i2'], skips: [] });
  });

  it('an opted-out customer gets nothing, with the reason', () => {
    const d = decideCustomer(facts([inv(1)], { optedOut: true }), rules, RUN_ON);
    expect(d.send).toEqual([]);
    expect(d.skips).toEqual([{ reason: 'opted_out', message: 'The customer opted out of reminders.', invoiceIds: ['i1'] }]);
  });

  it('a customer reminded less than the minimum interval ago waits; on the 14th day they are due again', () => {
    const d = decideCustomer(facts([inv(1)], { lastRemindedOn: '2026-03-07' }), rules, RUN_ON);
    expect(d.skips).toEqual([
      { reason: 'min_interval', message: 'Reminded 13 days ago (2026-03-07); the minimum interval is 14 days.', invoiceIds: ['i1'] },
    ]);
    expect(decideCustomer(facts([inv(1)], { lastRemindedOn: '2026-03-06' }), rules, RUN_ON).send).toHaveLength(1);
  });

  it('both customer-wide reasons are reported', () => {
    const d = decideCustomer(facts([inv(1)], { optedOut: true, lastRemindedOn: RUN_ON }), rules, RUN_ON);
    expect(d.skips.map((s) => s.reason)).toEqual(['opted_out', 'min_interval']);
  });

  it('disputed, held and promised invoices are held back one by one; the rest go out', () => {
    const d = decideCustomer(
      facts([
        inv(1, { disputed: true }),
        inv(2, { onHold: true }),
        inv(3, { promisePending: true }),
        inv(4),
        inv(5, { disputed: true, onHold: true }),
      ]),
      rules,
      RUN_ON,
    );
    expect(ids(d)).toEqual({
      send: ['i4'],
      skips: [
        ['disputed', ['i1', 'i5']],
        ['on_hold', ['i2', 'i5']],
        ['promise_pending', ['i3']],
      ],
    });
    expect(d.skips[0]!.message).toBe('Disputed: INV-1, INV-5.');
    expect(d.skips[2]!.message).toBe('A promise to pay is not yet due: INV-3.');
  });

  it('unapplied money in the same currency that covers the overdue amount holds that currency back', () => {
    const d = decideCustomer(
      facts([inv(1), inv(2, { currency: 'EUR' })], {
        unappliedByCurrency: { USD: 10_000n, EUR: 9_999n },
        overdueByCurrency: { USD: 10_000n, EUR: 10_000n },
      }),
      rules,
      RUN_ON,
    );
    expect(ids(d)).toEqual({ send: ['i2'], skips: [['covered_by_credit', ['i1']]] });
    expect(d.skips[0]!.message).toBe('Unapplied payments and credits of $100.00 cover the $100.00 overdue.');
  });

  it('an overdue amount under the currency minimum is held back; other currencies have none', () => {
    const d = decideCustomer(
      facts([inv(1, { balanceMinor: 2_499 }), inv(2, { currency: 'EUR', balanceMinor: 1 })], { overdueByCurrency: { USD: 2_499n, EUR: 1n } }),
      rules,
      RUN_ON,
    );
    expect(ids(d)).toEqual({ send: ['i2'], skips: [['under_minimum', ['i1']]] });
    expect(d.skips[0]!.message).toBe('$24.99 overdue is under the minimum of $25.00.');
    expect(decideCustomer(facts([inv(1, { balanceMinor: 2_500 })], { overdueByCurrency: { USD: 2_500n } }), rules, RUN_ON).send).toHaveLength(1);
  });

  it('the minimum counts everything overdue in the currency, also invoices reminded before', () => {
    const d = decideCustomer(facts([inv(1, { balanceMinor: 100 })], { overdueByCurrency: { USD: 5_000n } }), rules, RUN_ON);
    expect(d.send).toHaveLength(1);
  });
});
