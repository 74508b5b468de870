import { minorDigits } from '@/lib/money/currency';

/** The seed's names for invoice states, by the stored status. */
export const INVOICE_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  written_off: 'Written off',
  void: 'Void',
  archived: 'Archived',
};

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  check: 'Check',
  card: 'Card',
  cash: 'Cash',
  other: 'Other',
};

export const WRITE_OFF_REASON_LABELS: Record<string, string> = {
  bad_debt: 'Bad debt',
  dispute: 'Dispute',
  other: 'Other',
};

export const HISTORY_KIND_LABELS: Record<string, string> = {
  payment: 'Payment',
  credit_note: 'Credit note',
  write_off: 'Write-off',
};

/** Minor units as the text a user would type for them: 4000 USD -> "40.00", 500 JPY -> "500". Exact, no float. */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
