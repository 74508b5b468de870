import { minorDigits } from './currency';

/** Minor units as a plain decimal string for files: 123456 USD -> "1234.56", -5 -> "-0.05". Exact. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const text = digits === 0 ? `${abs}` : `${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
  return negative ? `-${text}` : text;
}
