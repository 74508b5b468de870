import type { Metadata } from 'next';
import { firstSearchParam } from '@/lib/validation/url-query';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { prisma } from '@/lib/db/client';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatInstantDay } from '@/lib/aging/format-instant';
import { formatMoney } from '@/lib/money/currency';
import { listBillSources } from '@/lib/billing/list-bill-sources';
import { agingDetailParamsInput, agingDetailParamsSchema } from '@/lib/receivables/aging-detail-params';
import { getAgingDetail } from '@/lib/receivables/get-aging-detail';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ListPagination } from '@/components/ui/list-pagination';
import { AgingDetailFilters } from '@/components/aging/aging-detail-filters';
import { agingDetailHref, type AgingDetailUrlState } from '@/components/aging/aging-detail-href';
import { agingHref } from '@/components/aging/aging-href';
import { ExportLinks } from '@/components/reports/export-links';

export const metadata: Metadata = { title: 'AR aging detail' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AgingDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/aging-detail`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="aging">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);
  const title = (subtitle: string) => (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">AR aging detail</h1>
        <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
      </div>
      <Link href={agingHref(slug, {})} className="text-sm font-medium text-brand-700 hover:underline">
        Aging by customer
      </Link>
    </div>
  );
  const parsed = agingDetailParamsSchema.safeParse(agingDetailParamsInput(firstSearchParam(sp)));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return shell(
      <>
        {title(access.company.name)}
        <ErrorBanner title="Some filters are not valid" message={message} resetHref={agingDetailHref(slug, {})} />
      </>,
    );
  }
  const p = parsed.data;
  try {
    const [detail, billSources, customer] = await Promise.all([
      getAgingDetail(access, p),
      listBillSources(access.company.id),
      p.customer ? prisma.customer.findFirst({ where: { companyId: access.company.id, id: p.customer }, select: { name: true } }) : null,
    ]);
    const state: AgingDetailUrlState = {
      asOf: p.asOf,
      currency: p.currency,
      locations: p.locations,
      billSource: p.billSource,
      bucket: p.bucket,
      customer: p.customer,
      sort: p.sort,
      perPage: p.perPage,
    };
    const money = (m: number) => formatMoney(m, detail.currency);
    const labelOf = new Map(detail.buckets.map((b) => [b.key, b.label]));
    const names = access.viewLocations.filter((l) => p.locations.includes(l.id)).map((l) => l.name);
    const subtitle = [
      `As of ${detail.asOf}`,
      detail.currency,
      names.length ? names.join(', ') : `All your locations (${access.viewLocations.length})`,
      detail.bucket ? labelOf.get(detail.bucket) : null,
      detail.billSource ? `${detail.billSource.name} only` : null,
      customer?.name ?? null,
    ]
      .filter(Boolean)
      .join(' · ');
    return shell(
      <>
        {title(subtitle)}
        <div className="space-y-4">
          <AgingDetailFilters
            slug={slug}
            state={state}
            buckets={detail.buckets}
            locations={access.viewLocations}
            billSources={billSources}
            customerName={customer?.name ?? null}
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600" role="status">
              <span className="font-semibold text-slate-800">{detail.totalRows.toLocaleString('en-US')}</span> open invoice
              {detail.totalRows === 1 ? '' : 's'}, balance <span className="tabular font-semibold text-slate-800">{money(detail.totalBalance)}</span>
            </p>
            <ExportLinks
              label="Export"
              href={(format) => {
                const query =
                  agingDetailHref(slug, { ...state, asOf: detail.asOf, currency: detail.currency, page: undefined, perPage: undefined }).split(
                    '?',
                  )[1] ?? '';
                return `/api/v1/companies/${slug}/aging/detail/export?${query}${query ? '&' : ''}format=${format}`;
              }}
            />
          </div>
          {detail.rows.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
              <p className="font-medium">{detail.totalRows > 0 ? 'No invoices on this page' : 'No open invoices match'}</p>
              <p className="mt-1 text-sm text-slate-500">
                {detail.totalRows > 0 ? 'Go back to the first page.' : 'Try another bucket or clear the filters.'}
              </p>
            </div>
          ) : (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-sm">
                <caption className="sr-only">Open invoices, {p.sort === '-days' ? 'most days overdue first' : 'fewest days overdue first'}</caption>
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    {['Invoice', 'Customer', 'Location', 'Bill source', 'Invoice date', 'Due date'].map((h) => (
                      <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                        {h}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2 text-right font-medium" aria-sort={p.sort === '-days' ? 'descending' : 'ascending'}>
                      Days overdue
                    </th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">
                      Bucket
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Balance
                    </th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">
                      Collector
                    </th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">
                      Last contact
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {detail.rows.map((r) => (
                    <tr key={r.invoice.id}>
                      <td className="whitespace-nowrap px-3 py-2">
                        <Link href={`/${slug}/invoices/${r.invoice.id}`} className="font-medium text-brand-700 hover:underline">
                          {r.invoice.number}
                        </Link>
                      </td>
                      <td className="px-3 py-2">
                        <Link href={`/${slug}/customers/${r.customer.id}/accounting`} className="text-brand-700 hover:underline">
                          {r.customer.name}
                        </Link>
                      </td>
                      <td className="px-3 py-2 text-slate-600">{r.location}</td>
                      <td className="px-3 py-2 text-slate-600">{r.billSource ?? '—'}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-slate-600">{formatCalendarDate(r.invoiceDate, 'short')}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-slate-600">{formatCalendarDate(r.dueDate, 'short')}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-right">
                        {r.daysOverdue > 0 ? r.daysOverdue.toLocaleString('en-US') : '—'}
                      </td>
                      <td className="px-3 py-2">{labelOf.get(r.bucket) ?? r.bucket}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2 text-right font-semibold">{money(r.balance)}</td>
                      <td className="px-3 py-2 text-slate-600">{r.collector ?? '—'}</td>
                      <td className="px-3 py-2 text-slate-600">
                        {r.lastContact
                          ? `${formatInstantDay(r.lastContact.at, access.company.timeZone)}${r.lastContact.kind ? ` (${r.lastContact.kind})` : ''}`
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {detail.totalRows > 0 ? (
            <ListPagination
              noun={['invoice', 'invoices']}
              label="Pagination"
              page={detail.page}
              perPage={detail.perPage}
              totalRows={detail.totalRows}
              totalPages={detail.totalPages}
              hrefFor={(page) => agingDetailHref(slug, { ...state, page })}
            />
          ) : null}
        </div>
      </>,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {title(access.company.name)}
        <ErrorBanner title="Cannot show these results" message={error.message} resetHref={agingDetailHref(slug, {})} />
      </>,
    );
  }
}
