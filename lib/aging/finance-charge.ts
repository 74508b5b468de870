import { z } from 'zod';
import { MAX_AGING_PERIODS } from './aging-limits';

/**
 * A scheme's finance charge: a monthly rate (basis points of the charged balance, 150 = 1.5%) with a minimum, or
 * a flat fee, on the balances in overdue period `fromPeriod` and older. Amounts are minor units of the
 * company's base currency.
 */
export type FinanceChargeRule =
  { method: 'rate'; rateBasisPoints: number; minimumMinor: number; fromPeriod: number } | { method: 'flat'; feeMinor: number; fromPeriod: number };

const minor = (field: string) =>
  z
    .number(`${field} must be an amount in minor units`)
    .int(`${field} must be a whole number of minor units`)
    .min(0, `${field} must not be negative`)
    .max(100_000_000_00, `${field} is too large`);
const fromPeriod = z
  .number('From period must be a period number')
  .int('From period must be a period number')
  .min(1, 'From period must be at least 1')
  .max(MAX_AGING_PERIODS, `From period must be at most ${MAX_AGING_PERIODS}`);

export const financeChargeSchema = z.discriminatedUnion(
  'method',
  [
    z.object({
      method: z.literal('rate'),
      rateBasisPoints: z
        .number('Rate must be a number of basis points')
        .int('Rate must be a whole number of basis points (150 = 1.5%)')
        .min(1, 'Rate must be at least 1 basis point')
        .max(10_000, 'Rate must be at most 10,000 basis points (100%)'),
      minimumMinor: minor('Minimum'),
      fromPeriod,
    }),
    z.object({ method: z.literal('flat'), feeMinor: minor('Fee').min(1, 'Fee must be more than zero'), fromPeriod }),
  ],
  'Method must be rate or flat',
);

/** The charge on `balanceMinor` (positive): the rate rounded half up, at least the minimum; or the flat fee. */
export function financeChargeFor(rule: FinanceChargeRule, balanceMinor: bigint): bigint {
  if (balanceMinor <= 0n) return 0n;
  if (rule.method === 'flat') return BigInt(rule.feeMinor);
  const charge = (balanceMinor * BigInt(rule.rateBasisPoints) + 5_000n) / 10_000n;
  return charge > BigInt(rule.minimumMinor) ? charge : BigInt(rule.minimumMinor);
}

/** "1.5% a month (at least $5.00) from period 2" style wording, with `money` formatting minor units. */
export function describeFinanceCharge(rule: FinanceChargeRule | null | undefined, money: (minor: number) => string): string {
  if (!rule) return 'No finance charge';
  const from = rule.fromPeriod === 1 ? 'every overdue balance' : `balances in period ${rule.fromPeriod} and older`;
  if (rule.method === 'flat') return `${money(rule.feeMinor)} a month on ${from}`;
  const pct = (rule.rateBasisPoints / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${pct}% a month${rule.minimumMinor > 0 ? ` (at least ${money(rule.minimumMinor)})` : ''} on ${from}`;
}
