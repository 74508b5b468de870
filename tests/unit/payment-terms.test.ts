import { describe, expect, it } from 'vitest';
import { describeTerms, dueDateFor, paymentTermsSchema, termsColumns, termsOf } from '@/lib/billing/payment-terms';

describe('payment terms', () => {
  it('give the due date of an invoice', () => {
    expect(dueDateFor({ kind: 'due_on_receipt' }, '2026-02-05')).toBe('2026-02-05');
    expect(dueDateFor({ kind: 'net', days: 30 }, '2026-01-31')).toBe('2026-03-02');
    expect(dueDateFor({ kind: 'net', days: 0 }, '2026-01-31')).toBe('2026-01-31');
    expect(dueDateFor({ kind: 'end_of_month', days: 10 }, '2026-02-05')).toBe('2026-03-10');
    expect(dueDateFor({ kind: 'end_of_month', days: 0 }, '2024-02-10')).toBe('2024-02-29');
    expect(dueDateFor({ kind: 'end_of_month', days: 15 }, '2026-12-31')).toBe('2027-01-15');
  });

  it('round-trip through the stored columns', () => {
    for (const t of [{ kind: 'due_on_receipt' }, { kind: 'net', days: 45 }, { kind: 'end_of_month', days: 0 }] as const) {
      expect(termsOf(termsColumns(t))).toEqual(t);
    }
    expect(termsOf(termsColumns(null))).toBeNull();
  });

  it('name the field and the problem', () => {
    const r = paymentTermsSchema.safeParse({ kind: 'net', days: 400 });
    expect(r.error?.issues[0]).toMatchObject({ path: ['days'], message: 'Days must be at most 365' });
    expect(paymentTermsSchema.safeParse({ kind: 'net' }).success).toBe(false);
    expect(paymentTermsSchema.safeParse({ kind: 'cod' }).error?.issues[0]?.message).toBe('Terms must be one of due_on_receipt, net, end_of_month');
  });

  it('read as people write them', () => {
    expect(
      [null, { kind: 'due_on_receipt' as const }, { kind: 'net' as const, days: 30 }, { kind: 'end_of_month' as const, days: 10 }].map(describeTerms),
    ).toEqual(['None', 'Due on receipt', 'Net 30', 'End of month + 10']);
  });
});
