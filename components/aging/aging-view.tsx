'use client';
import { useCallback, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Inbox } from 'lucide-react';
import type { AgingReport } from '@/lib/receivables/get-aging-page';
import { agingHref, type AgingUrlState } from './aging-href';
import { AgingFilters } from './aging-filters';
import { AgingPagination } from './aging-pagination';
import { AgingSearch } from './aging-search';
import { AgingSummary } from './aging-summary';
import { AgingTable } from './aging-table';

interface Props {
  slug: string;
  report: AgingReport;
  state: AgingUrlState & { perPage: number };
  locations: { id: string; name: string }[];
  currencies: string[];
  baseCurrency: string;
  today: string;
}

export function AgingView({ slug, report, state, locations, currencies, baseCurrency, today }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = useCallback((next: AgingUrlState) => startTransition(() => router.push(agingHref(slug, next))), [router, slug]);
  const sortHref = useCallback((sort: string) => agingHref(slug, { ...state, sort, page: 1 }), [slug, state]);
  const pageHref = (page: number) => agingHref(slug, { ...state, page });
  const filtered = Boolean(state.q || state.locations?.length);

  return (
    <div className="space-y-4" aria-busy={pending}>
      <div className={pending ? 'pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-brand-600' : 'hidden'} role="progressbar" aria-label="Loading" />
      <AgingSummary buckets={report.buckets} summary={report.summary} currency={report.currency} />
      <div className="flex flex-wrap items-center gap-3">
        <AgingSearch key={state.q ?? ''} value={state.q ?? ''} onSearch={(q) => go({ ...state, q: q || undefined, page: 1 })} />
        <AgingFilters key={JSON.stringify(state)} state={state} locations={locations} currencies={currencies}
          baseCurrency={baseCurrency} today={today} onApply={go} />
      </div>
      <div className={pending ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
        <AgingPagination label="Pagination, top" page={report.page} perPage={report.perPage} totalRows={report.totalRows} totalPages={report.totalPages} hrefFor={pageHref} />
        {report.rows.length > 0 ? (
          <AgingTable slug={slug} rows={report.rows} buckets={report.buckets} currency={report.currency} sort={report.sort} sortHref={sortHref} />
        ) : (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <Inbox className="mx-auto size-10 text-slate-300" aria-hidden />
            <p className="mt-3 font-medium">{report.totalRows > 0 ? 'No customers on this page' : filtered ? 'No customers match these filters' : 'Nothing is owed'}</p>
            <p className="mt-1 text-sm text-slate-500">
              {report.totalRows > 0 ? 'Go back to the first page.' : filtered ? 'Try another search or clear the filters.' : `No open invoices in ${report.currency} as of ${report.asOf}.`}
            </p>
          </div>
        )}
        {report.rows.length > 0 ? (
          <AgingPagination label="Pagination, bottom" page={report.page} perPage={report.perPage} totalRows={report.totalRows} totalPages={report.totalPages} hrefFor={pageHref} />
        ) : null}
      </div>
    </div>
  );
}
