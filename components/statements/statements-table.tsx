import Link from 'next/link';
import { Download } from 'lucide-react';
import type { StatementRow } from '@/lib/statements/list-statements';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { Button } from '@/components/ui/button';
import { EmailStatusBadge } from '@/components/email/email-status-badge';
import { EmailStatementButton } from './email-statement-button';

export const statementPdfHref = (slug: string, id: string) => `/api/v1/companies/${slug}/statements/${id}/pdf`;

const th = 'whitespace-nowrap px-3 py-2.5 font-medium first:pl-4 last:pr-4';

/**
 * Stored statements, newest first (server-rendered; times in the company's time zone). `canEmail` shows the
 * Email action, which needs invoices.modify; `showCustomer` is off on a customer's own page.
 */
export function StatementsTable({
  slug,
  rows,
  timeZone,
  canEmail,
  showCustomer = true,
  caption,
}: {
  slug: string;
  rows: StatementRow[];
  timeZone: string;
  canEmail: boolean;
  showCustomer?: boolean;
  caption: string;
}) {
  const fmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Created
            </th>
            {showCustomer ? (
              <th scope="col" className={`${th} text-left`}>
                Customer
              </th>
            ) : null}
            <th scope="col" className={`${th} text-left`}>
              As of
            </th>
            <th scope="col" className={`${th} text-right`}>
              Invoices
            </th>
            <th scope="col" className={`${th} text-right`}>
              Total due
            </th>
            <th scope="col" className={`${th} text-left`}>
              Email
            </th>
            <th scope="col" className={`${th} text-left`}>
              Created by
            </th>
            <th scope="col" className={`${th} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((s) => (
            <tr key={s.id} className="hover:bg-slate-50 [&>td:first-child]:pl-4 [&>td:last-child]:pr-4">
              <td className="tabular whitespace-nowrap px-3 py-2.5 text-slate-700">
                <time dateTime={s.createdAt.toISOString()}>{fmt.format(s.createdAt)}</time>
              </td>
              {showCustomer ? (
                <td className="min-w-44 px-3 py-2.5">
                  <Link href={`/${slug}/customers/${s.customerId}/accounting`} className="font-medium text-brand-700 hover:underline">
                    {s.customerName}
                  </Link>
                </td>
              ) : null}
              <td className="tabular whitespace-nowrap px-3 py-2.5">{formatCalendarDate(s.asOf)}</td>
              <td className="tabular px-3 py-2.5 text-right">{s.invoiceCount.toLocaleString('en-US')}</td>
              <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-semibold">{formatMoney(s.totalMinor, s.currency)}</td>
              <td className="px-3 py-2.5">
                <EmailStatusBadge status={s.emailStatus} />
              </td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{s.createdByName ?? '—'}</td>
              <td className="px-3 py-2.5">
                <div className="flex items-center justify-end gap-2">
                  <Button asChild variant="ghost" size="sm" className="whitespace-nowrap px-2">
                    <a
                      href={statementPdfHref(slug, s.id)}
                      download
                      aria-label={`Download PDF of the statement for ${s.customerName}, as of ${formatCalendarDate(s.asOf)}`}
                    >
                      <Download className="size-4" aria-hidden /> Download PDF
                    </a>
                  </Button>
                  {canEmail ? <EmailStatementButton slug={slug} statementId={s.id} customerName={s.customerName} /> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
