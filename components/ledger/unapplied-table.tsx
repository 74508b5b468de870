import { Fragment } from 'react';
import Link from 'next/link';
import { ArrowRightLeft } from 'lucide-react';
import type { UnappliedRow } from '@/lib/ledger/list-unapplied';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { Button } from '@/components/ui/button';
import { applyHref, customerAccountingHref, type CreditKind } from './ledger-hrefs';
import { PAYMENT_METHOD_LABELS } from './ledger-labels';

const th = 'whitespace-nowrap px-3 py-2.5 font-medium first:pl-4 last:pr-4';

/** Payments or credit notes with money left to apply, oldest first (server-rendered). `canApply` shows Apply. */
export function UnappliedTable({
  slug,
  kind,
  rows,
  canApply,
  caption,
}: {
  slug: string;
  kind: CreditKind;
  rows: UnappliedRow[];
  canApply: boolean;
  caption: string;
}) {
  const payments = kind === 'payment';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              {payments ? 'Received' : 'Issued'}
            </th>
            <th scope="col" className={`${th} text-left`}>
              Customer
            </th>
            <th scope="col" className={`${th} text-left`}>
              {payments ? 'Reference' : 'Reason'}
            </th>
            {payments ? (
              <th scope="col" className={`${th} text-left`}>
                Method
              </th>
            ) : null}
            <th scope="col" className={`${th} text-right`}>
              Amount
            </th>
            <th scope="col" className={`${th} text-right`}>
              Unapplied
            </th>
            {canApply ? (
              <th scope="col" className={`${th} text-right`}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <Fragment key={r.id}>
              {r.customerCredits && (i === 0 || rows[i - 1]!.customerId !== r.customerId || rows[i - 1]!.currency !== r.currency) ? (
                <tr className="bg-slate-50/70">
                  <th scope="rowgroup" colSpan={canApply ? 6 : 5} className="px-4 py-1.5 text-left text-xs font-semibold text-slate-600">
                    {r.customerName} · {r.customerCredits.count} credit{r.customerCredits.count === 1 ? '' : 's'},{' '}
                    <span className="tabular">{formatMoney(r.customerCredits.unappliedMinor, r.currency)}</span> unapplied
                  </th>
                </tr>
              ) : null}
              <tr className="hover:bg-slate-50 [&>td:first-child]:pl-4 [&>td:last-child]:pr-4">
                <td className="tabular whitespace-nowrap px-3 py-2.5">{formatCalendarDate(r.date, 'short')}</td>
                <td className="min-w-44 px-3 py-2.5">
                  <Link href={customerAccountingHref(slug, r.customerId)} className="font-medium text-brand-700 hover:underline">
                    {r.customerName}
                  </Link>
                </td>
                <td className="max-w-xs break-words px-3 py-2.5">{r.detail}</td>
                {payments ? (
                  <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{r.method ? (PAYMENT_METHOD_LABELS[r.method] ?? r.method) : '—'}</td>
                ) : null}
                <td className="tabular whitespace-nowrap px-3 py-2.5 text-right">{formatMoney(r.amountMinor, r.currency)}</td>
                <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-semibold">{formatMoney(r.unappliedMinor, r.currency)}</td>
                {canApply ? (
                  <td className="px-3 py-2.5 text-right">
                    <Button asChild variant="secondary" size="sm" className="whitespace-nowrap">
                      <Link
                        href={applyHref(slug, kind, r.id)}
                        aria-label={`Apply ${formatMoney(r.unappliedMinor, r.currency)} ${payments ? `payment ${r.detail}` : 'credit'} from ${r.customerName}`}
                      >
                        <ArrowRightLeft className="size-4" aria-hidden /> Apply
                      </Link>
                    </Button>
                  </td>
                ) : null}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
