/** Minor-unit digits of an ISO 4217 currency (JPY 0, USD 2, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats integer minor units in a currency, e.g. 123456 USD -> "$1,234.56". Exact: no float division. */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount must be a safe integer of minor units: ${minor}`);
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const decimal = digits === 0 ? `${abs}` : `${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
  const fmt = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl formats decimal strings exactly (no binary float in between).
  return fmt.format((negative ? `-${decimal}` : decimal) as unknown as number);
}
