import type { Metadata } from 'next';
import Link from 'next/link';
import { Download, FileText, X } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { listStatements } from '@/lib/statements/list-statements';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ListPagination } from '@/components/ui/list-pagination';
import { StatementsFilters } from '@/components/statements/statements-filters';
import { StatementsTable } from '@/components/statements/statements-table';
import { statementsHref, type StatementsUrlState } from '@/components/statements/statements-href';
import { can } from '@/lib/auth/can';

export const metadata: Metadata = { title: 'Statements' };

type SearchParams = Record<string, string | string[] | undefined>;

const chip = 'inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1.5 text-sm font-medium text-brand-700';

export default async function StatementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/statements`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="statements">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);

  // A GET form sends empty fields as "": those mean "no filter".
  const text = (key: string) => {
    const v = sp[key];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  const state: StatementsUrlState = {
    q: text('q'),
    customerId: text('customerId'),
    batchId: text('batchId'),
    from: text('from'),
    to: text('to'),
    page: text('page') ? Number(text('page')) : undefined,
    perPage: text('perPage') ? Number(text('perPage')) : undefined,
  };
  const canEmail = can(access, 'invoices.modify');
  const header = (
    <div className="mb-5">
      <h1 className="text-2xl font-bold tracking-tight">Statements</h1>
      <p className="mt-1 text-sm text-slate-500">
        Customer statements of {access.company.name}, newest first. Each can be downloaded again{canEmail ? ' or emailed' : ''}.
      </p>
    </div>
  );

  let list: Awaited<ReturnType<typeof listStatements>>;
  try {
    list = await listStatements(access, { ...state, page: text('page'), perPage: text('perPage') });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {header}
        <ErrorBanner title="Cannot show these statements" message={error.message} resetHref={statementsHref(slug, {})} />
      </>,
    );
  }
  const p = list.params;
  const current: StatementsUrlState = { ...state, page: p.page, perPage: p.perPage };
  const pageHref = (page: number) => statementsHref(slug, { ...current, page });
  const filtered = Boolean(p.q || p.from || p.to || p.customerId || p.batchId);
  const customerName = p.customerId ? (list.rows[0]?.customerName ?? 'One customer') : null;

  return shell(
    <>
      {header}
      <div className="space-y-4">
        {p.batchId || p.customerId ? (
          <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
            {p.batchId ? (
              <>
                <span className={chip}>
                  Batch{' '}
                  <span className="font-mono text-xs" title={p.batchId}>
                    {p.batchId.slice(0, 8)}…
                  </span>
                  <Link
                    href={statementsHref(slug, { ...current, batchId: undefined, page: 1 })}
                    aria-label="Clear the batch filter"
                    className="rounded-full p-0.5 hover:bg-brand-100"
                  >
                    <X className="size-3.5" aria-hidden />
                  </Link>
                </span>
                <a
                  href={`/api/v1/companies/${slug}/statement-batches/${p.batchId}/pdf`}
                  download
                  className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  <Download className="size-4" aria-hidden /> Download batch PDF
                </a>
              </>
            ) : null}
            {customerName ? (
              <span className={chip}>
                Customer: {customerName}
                <Link
                  href={statementsHref(slug, { ...current, customerId: undefined, page: 1 })}
                  aria-label="Clear the customer filter"
                  className="rounded-full p-0.5 hover:bg-brand-100"
                >
                  <X className="size-3.5" aria-hidden />
                </Link>
              </span>
            ) : null}
          </div>
        ) : null}
        <StatementsFilters slug={slug} state={current} />
        <div>
          <ListPagination
            label="Pagination, top"
            noun={['statement', 'statements']}
            page={p.page}
            perPage={p.perPage}
            totalRows={list.totalRows}
            totalPages={list.totalPages}
            hrefFor={pageHref}
          />
          {list.rows.length > 0 ? (
            <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              <StatementsTable slug={slug} rows={list.rows} timeZone={access.company.timeZone} canEmail={canEmail} caption="Statements" />
            </div>
          ) : (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
              <FileText className="mx-auto size-10 text-slate-300" aria-hidden />
              <p className="mt-3 font-medium">
                {list.totalRows > 0 ? 'No statements on this page' : filtered ? 'No statements match these filters' : 'No statements yet'}
              </p>
              <p className="mt-1 text-sm text-slate-500">
                {list.totalRows > 0 ? (
                  <Link href={pageHref(1)} className="text-brand-700 hover:underline">
                    Go to the first page.
                  </Link>
                ) : filtered ? (
                  'Try another search or clear the filters.'
                ) : (
                  <>
                    Select customers on the{' '}
                    <Link href={`/${slug}/accounting/aging-invoices`} className="text-brand-700 hover:underline">
                      Aging page
                    </Link>{' '}
                    and use Generate Statements.
                  </>
                )}
              </p>
            </div>
          )}
          {list.rows.length > 0 ? (
            <ListPagination
              label="Pagination, bottom"
              noun={['statement', 'statements']}
              page={p.page}
              perPage={p.perPage}
              totalRows={list.totalRows}
              totalPages={list.totalPages}
              hrefFor={pageHref}
            />
          ) : null}
        </div>
      </div>
    </>,
  );
}
