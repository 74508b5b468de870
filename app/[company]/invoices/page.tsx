import type { Metadata } from 'next';
import { firstSearchParam } from '@/lib/validation/url-query';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { prisma } from '@/lib/db/client';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { listBillSources } from '@/lib/billing/list-bill-sources';
import { invoiceListParamsInput, invoiceListParamsSchema } from '@/lib/invoices/invoice-list-params';
import { listInvoices } from '@/lib/invoices/list-invoices';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ListPagination } from '@/components/ui/list-pagination';
import { InvoiceStatusBadge } from '@/components/ledger/invoice-status-badge';
import { InvoiceListFilters } from '@/components/invoices/invoice-list-filters';
import { invoiceListHref, type InvoiceListUrlState } from '@/components/invoices/invoice-list-href';

export const metadata: Metadata = { title: 'Invoices' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function InvoicesPage({ params, searchParams }: { params: Promise<{ company: string }>; searchParams: Promise<SearchParams> }) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/invoices`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="invoices">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);
  const title = (
    <div className="mb-5">
      <h1 className="text-2xl font-bold tracking-tight">Invoices</h1>
      <p className="mt-1 text-sm text-slate-500">Every invoice in your locations, whatever its state.</p>
    </div>
  );
  const parsed = invoiceListParamsSchema.safeParse(invoiceListParamsInput(firstSearchParam(sp)));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return shell(
      <>
        {title}
        <ErrorBanner title="Some filters are not valid" message={message} resetHref={invoiceListHref(slug, {})} />
      </>,
    );
  }
  const p = parsed.data;
  try {
    const [list, billSources, customer] = await Promise.all([
      listInvoices(access, p),
      listBillSources(access.company.id),
      p.customer ? prisma.customer.findFirst({ where: { companyId: access.company.id, id: p.customer }, select: { name: true } }) : null,
    ]);
    const state: InvoiceListUrlState = { ...p, page: undefined };
    return shell(
      <>
        {title}
        <div className="space-y-4">
          <InvoiceListFilters
            slug={slug}
            state={state}
            buckets={list.buckets}
            locations={access.viewLocations}
            billSources={billSources}
            customerName={customer?.name ?? null}
          />
          <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600" role="status">
            <span>
              <span className="font-semibold text-slate-800">{list.totalRows.toLocaleString('en-US')}</span> invoice{list.totalRows === 1 ? '' : 's'}
            </span>
            {list.totals.map((t) => (
              <span key={t.currency}>
                {t.currency}: amount <span className="tabular font-semibold text-slate-800">{formatMoney(t.amount, t.currency)}</span>, balance{' '}
                <span className="tabular font-semibold text-slate-800">{formatMoney(t.balance, t.currency)}</span>
              </span>
            ))}
          </div>
          {list.rows.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
              <p className="font-medium">{list.totalRows > 0 ? 'No invoices on this page' : 'No invoices match'}</p>
              <p className="mt-1 text-sm text-slate-500">{list.totalRows > 0 ? 'Go back to the first page.' : 'Try other filters.'}</p>
            </div>
          ) : (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-sm">
                <caption className="sr-only">Invoices</caption>
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    {['Invoice', 'Customer', 'Location', 'Bill source', 'State', 'Invoice date', 'Due date'].map((h) => (
                      <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                        {h}
                      </th>
                    ))}
                    {['Days overdue', 'Amount', 'Balance'].map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 text-right font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.rows.map((r) => (
                    <tr key={r.id}>
                      <td className="whitespace-nowrap px-3 py-2">
                        <Link href={`/${slug}/invoices/${r.id}`} className="font-medium text-brand-700 hover:underline">
                          {r.number}
                        </Link>
                      </td>
                      <td className="px-3 py-2">
                        <Link href={`/${slug}/customers/${r.customer.id}/accounting`} className="text-brand-700 hover:underline">
                          {r.customer.name}
                        </Link>
                      </td>
                      <td className="px-3 py-2 text-slate-600">{r.location}</td>
                      <td className="px-3 py-2 text-slate-600">{r.billSource ?? '—'}</td>
                      <td className="px-3 py-2">
                        <InvoiceStatusBadge status={r.status} />
                      </td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-slate-600">{formatCalendarDate(r.invoiceDate, 'short')}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-slate-600">{formatCalendarDate(r.dueDate, 'short')}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-right">
                        {r.daysOverdue > 0 ? r.daysOverdue.toLocaleString('en-US') : '—'}
                      </td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-right">{formatMoney(r.amount, r.currency)}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-right font-semibold">{formatMoney(r.balance, r.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.totalRows > 0 ? (
            <ListPagination
              noun={['invoice', 'invoices']}
              label="Pagination"
              page={list.page}
              perPage={list.perPage}
              totalRows={list.totalRows}
              totalPages={list.totalPages}
              hrefFor={(page) => invoiceListHref(slug, { ...state, page })}
            />
          ) : null}
        </div>
      </>,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {title}
        <ErrorBanner title="Cannot show these invoices" message={error.message} resetHref={invoiceListHref(slug, {})} />
      </>,
    );
  }
}
