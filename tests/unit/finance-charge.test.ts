import { describe, expect, it } from 'vitest';
import { describeFinanceCharge, financeChargeFor, financeChargeSchema } from '@/lib/aging/finance-charge';
import { agingSchemeSchema, DEFAULT_AGING_SCHEME } from '@/lib/aging/scheme';
import { formatMoney } from '@/lib/money/currency';

const usd = (m: number) => formatMoney(m, 'USD');

describe('finance charge amounts', () => {
  it('take the monthly rate of the balance, rounded half up, and at least the minimum', () => {
    const rule = { method: 'rate' as const, rateBasisPoints: 150, minimumMinor: 0, fromPeriod: 1 };
    expect(financeChargeFor(rule, 100_000n)).toBe(1_500n);
    expect(financeChargeFor(rule, 300n)).toBe(5n); // 4.5 cents: half up (not to even)
    expect(financeChargeFor(rule, 100n)).toBe(2n); // 1.5 cents
    expect(financeChargeFor(rule, 99n)).toBe(1n); // 1.485 cents
    expect(financeChargeFor(rule, 33_329n)).toBe(500n); // 499.935 cents
    expect(financeChargeFor({ ...rule, minimumMinor: 2_500 }, 100_000n)).toBe(2_500n);
    expect(financeChargeFor(rule, 0n)).toBe(0n);
    // Past 2^53 the arithmetic stays exact.
    expect(financeChargeFor(rule, 12_000_000_000_000_001n)).toBe(180_000_000_000_000n);
  });

  it('or a flat fee whatever the balance', () => {
    const rule = { method: 'flat' as const, feeMinor: 2_500, fromPeriod: 2 };
    expect(financeChargeFor(rule, 1n)).toBe(2_500n);
    expect(financeChargeFor(rule, 0n)).toBe(0n);
  });

  it('read in words', () => {
    expect(describeFinanceCharge({ method: 'rate', rateBasisPoints: 125, minimumMinor: 500, fromPeriod: 2 }, usd)).toBe(
      '1.25% a month (at least $5.00) on balances in period 2 and older',
    );
    expect(describeFinanceCharge({ method: 'flat', feeMinor: 1_000, fromPeriod: 1 }, usd)).toBe('$10.00 a month on every overdue balance');
    expect(describeFinanceCharge(null, usd)).toBe('No finance charge');
  });
});

describe('finance charge rules', () => {
  it('name the field and the problem', () => {
    const r = financeChargeSchema.safeParse({ method: 'rate', rateBasisPoints: 1.5, minimumMinor: 0, fromPeriod: 1 });
    expect(r.error?.issues[0]).toMatchObject({ path: ['rateBasisPoints'], message: 'Rate must be a whole number of basis points (150 = 1.5%)' });
    expect(financeChargeSchema.safeParse({ method: 'flat', feeMinor: 0, fromPeriod: 1 }).error?.issues[0]?.message).toBe(
      'Fee must be more than zero',
    );
    expect(financeChargeSchema.safeParse({ method: 'monthly' }).error?.issues[0]?.message).toBe('Method must be rate or flat');
  });

  it('charge from one of the scheme’s periods', () => {
    const r = agingSchemeSchema.safeParse({ ...DEFAULT_AGING_SCHEME, financeCharge: { method: 'flat', feeMinor: 100, fromPeriod: 5 } });
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ['financeCharge', 'fromPeriod'], message: 'From period must be one of the 4 periods' }),
    ]);
    expect(agingSchemeSchema.safeParse({ ...DEFAULT_AGING_SCHEME, financeCharge: { method: 'flat', feeMinor: 100, fromPeriod: 4 } }).success).toBe(
      true,
    );
  });
});
