import { z } from 'zod';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { parseAmount } from '@/lib/money/parse-amount';

export const PAYMENT_METHODS = ['bank_transfer', 'check', 'card', 'cash', 'other'] as const;
export const WRITE_OFF_REASONS = ['bad_debt', 'dispute', 'other'] as const;

export const calendarDateField = (label: string) =>
  z.string(`${label} is required`).trim().refine(isCalendarDate, `${label} must be a real date (YYYY-MM-DD)`);

/** An amount typed by a user or read from a file, as text: "1250.50". Checked against the currency later. */
export const amountField = (label: string) => z.string(`${label} is required`).trim().min(1, `${label} is required`).max(30, `${label} is too long`);

/** Text amount to minor units for `currency`, or a zod-style issue naming the field. */
export function amountMinor(
  text: string,
  currency: string,
  path: string,
): { ok: true; minor: number } | { ok: false; issue: { path: string; message: string } } {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) return { ok: false, issue: { path, message: parsed.message } };
  if (parsed.minor <= 0) return { ok: false, issue: { path, message: 'Must be more than zero.' } };
  return { ok: true, minor: parsed.minor };
}
