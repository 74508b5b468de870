import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import type { PromiseRow } from '@/lib/collections/list-promises';
import { formatMoney } from '@/lib/money/currency';
import { PromiseBadge } from './promise-badge';

/** Promises to pay with what was paid toward them and their state. */
export function PromisesTable({ rows, caption }: { rows: PromiseRow[]; caption: string }) {
  if (rows.length === 0) return <p className="px-4 py-6 text-center text-sm text-slate-500">No promises to pay yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              By
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Promised
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Paid
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              State
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Invoices
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Made
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="tabular px-4 py-2">{formatCalendarDate(r.promisedOn, 'short')}</td>
              <td className="tabular px-4 py-2 text-right font-semibold">{formatMoney(r.amountMinor, r.currency)}</td>
              <td className="tabular px-4 py-2 text-right">{formatMoney(r.paidMinor, r.currency)}</td>
              <td className="px-4 py-2">
                <PromiseBadge state={r.state} />
              </td>
              <td className="px-4 py-2 text-slate-600">{r.invoices.length > 0 ? r.invoices.map((i) => i.number).join(', ') : 'Any payment'}</td>
              <td className="tabular px-4 py-2 text-slate-500">
                {formatCalendarDate(r.madeOn, 'short')}
                {r.createdBy ? ` · ${r.createdBy.name}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
