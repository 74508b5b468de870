import type { Metadata } from 'next';
import { firstSearchParam } from '@/lib/validation/url-query';
import Link from 'next/link';
import { FileDown } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { prisma } from '@/lib/db/client';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { listPaymentsReceived } from '@/lib/ledger/list-payments-received';
import { paymentsReceivedParamsInput, paymentsReceivedParamsSchema } from '@/lib/ledger/payments-received-params';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ListPagination } from '@/components/ui/list-pagination';
import { LedgerTabs } from '@/components/ledger/ledger-tabs';
import { PAYMENT_METHOD_LABELS } from '@/components/ledger/ledger-labels';
import { PaymentsReceivedFilters } from '@/components/payments/payments-received-filters';
import { paymentsReceivedHref, paymentsReceivedQuery, type PaymentsReceivedUrlState } from '@/components/payments/payments-received-href';

export const metadata: Metadata = { title: 'Payments received' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PaymentsReceivedPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/payments/received`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="payments">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);
  const header = (
    <div className="mb-5 space-y-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Payments received</h1>
        <p className="mt-1 text-sm text-slate-500">
          Every payment from your customers, newest first, with what was applied and what is left on account.
        </p>
      </div>
      <LedgerTabs slug={slug} current="received" />
    </div>
  );
  const parsed = paymentsReceivedParamsSchema.safeParse(paymentsReceivedParamsInput(firstSearchParam(sp)));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return shell(
      <>
        {header}
        <ErrorBanner title="Some filters are not valid" message={message} resetHref={paymentsReceivedHref(slug, {})} />
      </>,
    );
  }
  const p = parsed.data;
  try {
    const [list, customer] = await Promise.all([
      listPaymentsReceived(access, p),
      p.customer ? prisma.customer.findFirst({ where: { companyId: access.company.id, id: p.customer }, select: { name: true } }) : null,
    ]);
    const state: PaymentsReceivedUrlState = { ...p, page: undefined };
    const exportQuery = paymentsReceivedQuery({ ...state, perPage: undefined });
    // Day headers: what every matching payment of the day adds up to, per currency.
    const dayTotals = new Map<string, string>();
    for (const d of list.days) {
      const text = `${d.count} payment${d.count === 1 ? '' : 's'}, ${formatMoney(d.amount, d.currency)}`;
      dayTotals.set(d.date, dayTotals.has(d.date) ? `${dayTotals.get(d.date)}; ${text}` : text);
    }
    const byDay = [...new Set(list.rows.map((r) => r.receivedOn))].map((date) => ({ date, rows: list.rows.filter((r) => r.receivedOn === date) }));
    return shell(
      <>
        {header}
        <div className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <PaymentsReceivedFilters slug={slug} state={state} customerName={customer?.name ?? null} />
            <a
              href={`/api/v1/companies/${slug}/payments/export${exportQuery ? `?${exportQuery}` : ''}`}
              download
              className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <FileDown className="size-4" aria-hidden /> Export CSV
            </a>
          </div>
          <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600" role="status">
            <span>
              <span className="font-semibold text-slate-800">{list.totalRows.toLocaleString('en-US')}</span> payment{list.totalRows === 1 ? '' : 's'}
            </span>
            {list.totals.map((t) => (
              <span key={t.currency}>
                {t.currency}: received <span className="tabular font-semibold text-slate-800">{formatMoney(t.amount, t.currency)}</span>, applied{' '}
                <span className="tabular">{formatMoney(t.applied, t.currency)}</span>, unapplied{' '}
                <span className="tabular">{formatMoney(t.unapplied, t.currency)}</span>
              </span>
            ))}
          </div>
          {list.rows.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
              <p className="font-medium">{list.totalRows > 0 ? 'No payments on this page' : 'No payments match'}</p>
            </div>
          ) : (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-sm">
                <caption className="sr-only">Payments received, newest first, by day</caption>
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    {['Received', 'Customer', 'Method', 'Reference'].map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 text-left font-medium">
                        {h}
                      </th>
                    ))}
                    {['Amount', 'Applied', 'Unapplied'].map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 text-right font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                {byDay.map((day) => (
                  <tbody key={day.date} className="divide-y divide-slate-100 border-t border-slate-200">
                    <tr className="bg-slate-50/60">
                      <th scope="rowgroup" colSpan={7} className="px-3 py-1.5 text-left text-xs font-semibold text-slate-600">
                        {formatCalendarDate(day.date)} · {dayTotals.get(day.date)}
                      </th>
                    </tr>
                    {day.rows.map((r) => (
                      <tr key={r.id}>
                        <td className="tabular px-3 py-2 text-slate-600">{formatCalendarDate(r.receivedOn, 'short')}</td>
                        <td className="px-3 py-2">
                          <Link href={`/${slug}/customers/${r.customer.id}/accounting`} className="text-brand-700 hover:underline">
                            {r.customer.name}
                          </Link>
                        </td>
                        <td className="px-3 py-2 text-slate-600">{r.method ? (PAYMENT_METHOD_LABELS[r.method] ?? r.method) : '—'}</td>
                        <td className="px-3 py-2 text-slate-600">{r.reference}</td>
                        <td className="tabular px-3 py-2 text-right font-semibold">{formatMoney(r.amount, r.currency)}</td>
                        <td className="tabular px-3 py-2 text-right">{formatMoney(r.applied, r.currency)}</td>
                        <td className="tabular px-3 py-2 text-right">{formatMoney(r.unapplied, r.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          )}
          {list.totalRows > 0 ? (
            <ListPagination
              noun={['payment', 'payments']}
              label="Pagination"
              page={list.page}
              perPage={list.perPage}
              totalRows={list.totalRows}
              totalPages={list.totalPages}
              hrefFor={(page) => paymentsReceivedHref(slug, { ...state, page })}
            />
          ) : null}
        </div>
      </>,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {header}
        <ErrorBanner title="Cannot show these payments" message={error.message} resetHref={paymentsReceivedHref(slug, {})} />
      </>,
    );
  }
}
