// Building an Intl.NumberFormat costs ~50 µs; a PDF of 100 invoices formats thousands of amounts, so formatters
// are kept per currency (and locale).
const digitsCache = new Map<string, number>();
const formatCache = new Map<string, Intl.NumberFormat>();

/** Minor units as a plain decimal string: 123456 USD -> "1234.56", -5 -> "-0.05". Exact. */
export function minorToDecimal(minor: number | bigint, currency: string): string {
  const digits = minorDigits(currency);
  const abs = minor < 0 ? -BigInt(minor) : BigInt(minor);
  const scale = 10n ** BigInt(digits);
  const text = digits === 0 ? `${abs}` : `${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
  return minor < 0 ? `-${text}` : text;
}

/** Minor-unit digits of an ISO 4217 currency (JPY 0, USD 2, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

function formatter(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let fmt = formatCache.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatCache.set(key, fmt);
  }
  return fmt;
}

/**
 * Formats integer minor units in a currency, e.g. 123456 USD -> "$1,234.56". Exact: no float division. Sums that
 * may pass 2^53 (a customer's or a company's) come as bigint.
 */
export function formatMoney(minor: number | bigint, currency: string, locale = 'en-US'): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) throw new RangeError(`Amount must be a safe integer of minor units: ${minor}`);
  // Intl formats decimal strings exactly (no binary float in between).
  return formatter(locale, currency, minorDigits(currency)).format(minorToDecimal(minor, currency) as unknown as number);
}
