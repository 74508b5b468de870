import { formatMoney } from '@/lib/money/currency';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/** The email that carries a statement PDF to the customer. */
export function statementEmail(s: {
  companyName: string;
  customerName: string;
  asOf: CalendarDate;
  totalMinor: number;
  currency: string;
  remitTo: string | null;
}): { subject: string; bodyText: string } {
  const date = formatCalendarDate(s.asOf);
  const lines = [
    `Dear ${s.customerName},`,
    '',
    `Please find attached your statement from ${s.companyName} as of ${date}.`,
    `Total due: ${formatMoney(s.totalMinor, s.currency)}.`,
    '',
    ...(s.remitTo ? ['Please remit payment to:', s.remitTo, ''] : []),
    'If you have already paid, thank you, and please disregard this message.',
    '',
    s.companyName,
  ];
  return { subject: `Statement from ${s.companyName} as of ${date}`, bodyText: lines.join('\n') };
}
