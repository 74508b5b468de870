import type { InvoiceDetail } from '@/lib/ledger/get-invoice-detail';
import { formatMoney } from '@/lib/money/currency';

const th = 'whitespace-nowrap px-3 py-2.5 font-medium first:pl-4 last:pr-4';

/** An invoice's line items with their total (server-rendered). */
export function InvoiceLinesTable({ lines, currency, amountMinor }: { lines: InvoiceDetail['lines']; currency: string; amountMinor: number }) {
  if (lines.length === 0) return <p className="px-4 py-8 text-center text-sm text-slate-500">This invoice has no line items.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Line items</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Description
            </th>
            <th scope="col" className={`${th} text-right`}>
              Quantity
            </th>
            <th scope="col" className={`${th} text-right`}>
              Unit price
            </th>
            <th scope="col" className={`${th} text-right`}>
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l, i) => (
            <tr key={i} className="[&>td:first-child]:pl-4 [&>td:last-child]:pr-4">
              <td className="px-3 py-2.5">{l.description}</td>
              <td className="tabular px-3 py-2.5 text-right">{l.quantity}</td>
              <td className="tabular whitespace-nowrap px-3 py-2.5 text-right">{formatMoney(l.unitPriceMinor, currency)}</td>
              <td className="tabular whitespace-nowrap px-3 py-2.5 text-right">{formatMoney(l.lineTotalMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200">
          <tr className="[&>*:first-child]:pl-4 [&>*:last-child]:pr-4">
            <th scope="row" colSpan={3} className="px-3 py-2.5 text-right font-medium text-slate-600">
              Invoice total
            </th>
            <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-semibold">{formatMoney(amountMinor, currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
