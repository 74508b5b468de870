import { formatMoney } from '@/lib/money/currency';
import type { PreviewRow } from '@/lib/dunning/preview-dunning-run';

const ACTION = { email: 'Email', call: 'Call task', letter: 'Letter task', skip: 'Skipped' } as const;

function amounts(items: { balanceMinor: number; currency: string }[]): string[] {
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? 0) + i.balanceMinor);
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([c, m]) => formatMoney(m, c));
}

/** A page of today's preview: per customer what goes out at which level, and every reason something does not. */
export function DunningPreviewTable({ enabled, rows, totalRows }: { enabled: boolean; rows: PreviewRow[]; totalRows: number }) {
  if (!enabled) return <p className="mt-4 text-sm text-slate-600">Reminders are turned off in the collections settings.</p>;
  if (rows.length === 0)
    return <p className="mt-4 text-sm text-slate-600">{totalRows === 0 ? 'Nothing to send today.' : 'No customers on this page.'}</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">What today&apos;s run would send, per customer</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Customer
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Invoices (level)
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Amount
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Why
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.customerId} className="border-t border-slate-100 align-top">
              <td className="px-4 py-2 font-medium">{p.customerName}</td>
              <td className="px-4 py-2">
                {ACTION[p.action]}
                {p.levelName ? <span className="block text-xs text-slate-500">{p.levelName}</span> : null}
              </td>
              <td className="px-4 py-2">{p.items.map((i) => `${i.number} (${i.level})`).join(', ')}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {amounts(p.items).map((a) => (
                  <span key={a} className="block">
                    {a}
                  </span>
                ))}
              </td>
              <td className="px-4 py-2 text-slate-600">
                {[...(p.note ? [p.note] : []), ...p.skips.map((s) => s.message)].map((m) => (
                  <span key={m} className="block">
                    {m}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
