import type { InvoiceHistoryEntry } from '@/lib/ledger/get-invoice-detail';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { cn } from '@/components/ui/cn';
import { HISTORY_KIND_LABELS, PAYMENT_METHOD_LABELS } from './ledger-labels';

const th = 'whitespace-nowrap px-3 py-2.5 font-medium first:pl-4 last:pr-4';

const KIND_STYLES: Record<string, string> = {
  payment: 'text-emerald-700',
  credit_note: 'text-sky-700',
  write_off: 'text-red-700',
};

/** The money that reduced an invoice, oldest first: payments, credits and write-offs (server-rendered). */
export function PaymentHistoryTable({
  entries,
  currency,
  invoiceNumber,
}: {
  entries: InvoiceHistoryEntry[];
  currency: string;
  invoiceNumber: string;
}) {
  if (entries.length === 0) return <p className="px-4 py-8 text-center text-sm text-slate-500">No payments, credits or write-offs yet.</p>;
  const total = entries.reduce((sum, e) => sum + e.amountMinor, 0);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Payment history of {invoiceNumber}, oldest first</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Date
            </th>
            <th scope="col" className={`${th} text-left`}>
              Type
            </th>
            <th scope="col" className={`${th} text-right`}>
              Amount
            </th>
            <th scope="col" className={`${th} text-left`}>
              Reference / reason
            </th>
            <th scope="col" className={`${th} text-left`}>
              Method
            </th>
            <th scope="col" className={`${th} text-left`}>
              Applied to
            </th>
            <th scope="col" className={`${th} text-left`}>
              Recorded by
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e, i) => (
            <tr key={i} data-kind={e.kind} className="align-top [&>td:first-child]:pl-4 [&>td:last-child]:pr-4">
              <td className="tabular whitespace-nowrap px-3 py-2.5">{formatCalendarDate(e.date, 'short')}</td>
              <td className={cn('whitespace-nowrap px-3 py-2.5 font-medium', KIND_STYLES[e.kind])}>{HISTORY_KIND_LABELS[e.kind] ?? e.kind}</td>
              <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-semibold">{formatMoney(e.amountMinor, currency)}</td>
              <td className="min-w-40 max-w-sm break-words px-3 py-2.5 first-letter:uppercase">{e.detail || '—'}</td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{e.method ? (PAYMENT_METHOD_LABELS[e.method] ?? e.method) : '—'}</td>
              <td className="px-3 py-2.5 text-slate-600">
                {e.appliedTo.map((n, j) => (
                  <span key={n}>
                    {j > 0 ? ', ' : null}
                    <span className={n === invoiceNumber ? 'font-medium text-slate-800' : undefined}>{n}</span>
                  </span>
                ))}
              </td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{e.by ?? '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200">
          <tr className="[&>*:first-child]:pl-4">
            <th scope="row" colSpan={2} className="whitespace-nowrap px-3 py-2.5 text-left font-medium text-slate-600">
              Total
            </th>
            <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-semibold">{formatMoney(total, currency)}</td>
            <td colSpan={4} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
