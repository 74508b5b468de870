import Link from 'next/link';
import { FileDown } from 'lucide-react';
import type { CustomerTransactions } from '@/lib/receivables/get-customer-transactions';
import { formatMoney } from '@/lib/money/currency';
import { invoiceHref } from '@/components/ledger/ledger-hrefs';
import { cn } from '@/components/ui/cn';

const KIND: Record<string, string> = { invoice: 'Invoice', payment: 'Payment', credit_note: 'Credit note', write_off: 'Write-off' };

/** The customer's transactions with the running balance, a date filter (a GET form: state in the URL) and CSV export. */
export function CustomerTransactionsSection({ slug, data, error }: { slug: string; data: CustomerTransactions | null; error: string | null }) {
  const money = (minor: number) => formatMoney(minor, data?.currency ?? 'USD');
  const query = new URLSearchParams();
  if (data?.from) query.set('from', data.from);
  if (data?.to) query.set('to', data.to);
  if (data) query.set('currency', data.currency);
  return (
    <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="transactions">
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id="transactions" className="mr-auto font-semibold">
          Transactions{data ? ` (${data.currency})` : ''}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter transactions by date">
          <label className="flex flex-col text-xs text-slate-500">
            From
            <input
              type="date"
              name="from"
              defaultValue={data?.from ?? ''}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <label className="flex flex-col text-xs text-slate-500">
            To
            <input
              type="date"
              name="to"
              defaultValue={data?.to ?? ''}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium shadow-sm hover:bg-slate-50">
            Filter
          </button>
        </form>
        {data ? (
          <a
            href={`/api/v1/companies/${slug}/customers/${data.customer.id}/transactions/export?${query}`}
            download
            className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
          >
            <FileDown className="size-4" aria-hidden /> Export CSV
          </a>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="px-4 py-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {data && (data.transactions.length > 0 || data.from) ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Transactions with the running balance, oldest first</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Type
                </th>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Reference
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Amount
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Balance
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.from ? (
                <tr className="bg-slate-50/60 text-slate-600">
                  <td className="tabular px-4 py-2">{data.from}</td>
                  <td className="px-4 py-2" colSpan={3}>
                    Opening balance
                  </td>
                  <td className="tabular px-4 py-2 text-right font-semibold">{money(data.openingBalanceMinor)}</td>
                </tr>
              ) : null}
              {data.transactions.map((t) => (
                <tr key={`${t.kind}-${t.id}`}>
                  <td className="tabular px-4 py-2">{t.date}</td>
                  <td className="px-4 py-2">{KIND[t.kind]}</td>
                  <td className="px-4 py-2">
                    {t.kind === 'invoice' ? (
                      <Link href={invoiceHref(slug, t.id)} className="font-medium text-brand-700 hover:underline">
                        {t.reference}
                      </Link>
                    ) : (
                      t.reference
                    )}
                  </td>
                  <td className={cn('tabular px-4 py-2 text-right', t.amountMinor < 0 && 'text-emerald-700')}>{money(t.amountMinor)}</td>
                  <td className="tabular px-4 py-2 text-right font-semibold">{money(t.balanceMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : data ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">No transactions in {data.currency}.</p>
      ) : null}
    </section>
  );
}
