import Link from 'next/link';
import { formatMoney } from '@/lib/money/currency';
import { shareText } from '@/lib/reports/tabular-report';
import { cn } from '@/components/ui/cn';
import { bucketColor } from './bucket-colors';

/** A bucket's share of what is owed, to one decimal ("12.3%"), as the exports write it. */
export function shareOf(amount: number, gross: number): string {
  return shareText(gross > 0 ? amount / gross : 0);
}

export function AgingSummary({
  buckets,
  summary,
  currency,
  bucketHref,
}: {
  buckets: { key: string; label: string }[];
  summary: { amounts: Record<string, number>; unapplied?: number; total: number };
  currency: string;
  /** Where a bucket's amount links to: its invoices in the AR aging detail. */
  bucketHref?: (key: string) => string;
}) {
  const unapplied = (summary.unapplied ?? 0) > 0;
  // The bar shows how what is owed splits over the buckets, before unapplied money.
  const gross = buckets.reduce((s, b) => s + (summary.amounts[b.key] ?? 0), 0);
  const last = buckets.length - 1;
  return (
    <section aria-labelledby="aging-summary-title" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id="aging-summary-title" className="sr-only">
        Aging summary
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full">
          <thead>
            <tr className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {buckets.map((b) => (
                <th key={b.key} scope="col" className="px-4 pt-4 text-right font-medium">
                  {b.label}
                </th>
              ))}
              {unapplied ? (
                <th scope="col" className="px-4 pt-4 text-right font-medium">
                  Unapplied
                </th>
              ) : null}
              <th scope="col" className="px-4 pt-4 text-right font-medium">
                {unapplied ? 'Net total' : 'Total'}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="text-base">
              {buckets.map((b, i) => {
                const amount = summary.amounts[b.key] ?? 0;
                return (
                  <td
                    key={b.key}
                    data-bucket={b.key}
                    className={cn(
                      'tabular px-4 pb-3 pt-1 text-right font-semibold',
                      i === last && amount > 0 ? 'text-red-600' : amount === 0 ? 'text-slate-500' : 'text-slate-800',
                    )}
                  >
                    {bucketHref && amount !== 0 ? (
                      <Link
                        href={bucketHref(b.key)}
                        className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                        aria-label={`${b.label}: ${formatMoney(amount, currency)}, show the invoices`}
                      >
                        {formatMoney(amount, currency)}
                      </Link>
                    ) : (
                      formatMoney(amount, currency)
                    )}
                  </td>
                );
              })}
              {unapplied ? (
                <td data-bucket="unapplied" className="tabular px-4 pb-3 pt-1 text-right font-semibold text-emerald-700">
                  −{formatMoney(summary.unapplied ?? 0, currency)}
                </td>
              ) : null}
              <td data-bucket="total" className="tabular px-4 pb-3 pt-1 text-right text-lg font-bold">
                {formatMoney(summary.total, currency)}
              </td>
            </tr>
            {gross > 0 ? (
              <tr className="text-xs text-slate-500" aria-label="Share of the total">
                {buckets.map((b) => (
                  <td key={b.key} data-share={b.key} className="tabular px-4 pb-3 text-right">
                    {shareOf(summary.amounts[b.key] ?? 0, gross)}
                  </td>
                ))}
                {unapplied ? <td /> : null}
                <td className="tabular px-4 pb-3 text-right">100%</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {gross > 0 ? (
        <div className="flex h-2 overflow-hidden rounded-b-xl" aria-hidden>
          {buckets.map((b, i) => {
            const share = ((summary.amounts[b.key] ?? 0) / gross) * 100;
            return share > 0 ? (
              <div
                key={b.key}
                className={bucketColor(i, buckets.length).cls}
                style={{ width: `${share}%` }}
                title={`${b.label}: ${share.toFixed(1)}%`}
              />
            ) : null;
          })}
        </div>
      ) : null}
    </section>
  );
}
