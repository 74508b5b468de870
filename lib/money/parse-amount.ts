import { minorDigits } from './currency';

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

/**
 * A typed amount ("1250", "1,250.5", "1250.50") to integer minor units, exactly: digits are shifted as text,
 * never through a float. Rejects negatives, exponents, more decimals than the currency has, and junk.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const digits = minorDigits(currency);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter an amount.' };
  if (trimmed.startsWith('-')) return { ok: false, message: 'The amount cannot be negative.' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return { ok: false, message: `"${trimmed}" is not an amount. Use digits and an optional decimal point, like 1250.00.` };
  const whole = match[1]!.replace(/,/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} amounts have no decimals.` : `Use at most ${digits} decimals.` };
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'The amount is too large.' };
  return { ok: true, minor: Number(minor) };
}
