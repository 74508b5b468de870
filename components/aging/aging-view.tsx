'use client';
import { useCallback, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Inbox } from 'lucide-react';
import { ExportLinks } from '@/components/reports/export-links';
import type { OnChangeFn, RowSelectionState } from '@tanstack/react-table';
import type { AgingReport } from '@/lib/receivables/get-aging-page';
import { agingHref, type AgingUrlState } from './aging-href';
import { agingDetailHref } from './aging-detail-href';
import { AgingFilters } from './aging-filters';
import { ListPagination } from '@/components/ui/list-pagination';
import { AgingSearch } from './aging-search';
import { AgingSummary } from './aging-summary';
import { AgingTable } from './aging-table';
import { DownloadInvoicesButton } from './download-invoices-button';
import { GenerateStatementsDialog } from '@/components/statements/generate-statements-dialog';

interface Props {
  slug: string;
  report: AgingReport;
  state: AgingUrlState & { perPage: number };
  locations: { id: string; name: string }[];
  currencies: string[];
  billSources: { id: string; name: string }[];
  baseCurrency: string;
  today: string;
  /** The user has invoices.modify on at least one location: Generate Statements is offered. */
  canGenerate: boolean;
  /** Locations the user may both view and modify: what Generate Statements may cover. */
  modifyLocations: { id: string; name: string }[];
  /** The company's time zone, for last-contact dates. */
  timeZone?: string;
}

export function AgingView({
  slug,
  report,
  state,
  locations,
  currencies,
  billSources,
  baseCurrency,
  today,
  canGenerate,
  modifyLocations,
  timeZone,
}: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = useCallback((next: AgingUrlState) => startTransition(() => router.push(agingHref(slug, next))), [router, slug]);
  const sortHref = useCallback((sort: string) => agingHref(slug, { ...state, sort, page: 1 }), [slug, state]);
  const pageHref = (page: number) => agingHref(slug, { ...state, page });
  // A bucket amount opens its invoices in the AR aging detail, with the page's date, currency, locations and bill source.
  const detailScope = { asOf: report.asOf, currency: report.currency, locations: state.locations, billSource: state.billSource };
  const bucketHref = (bucket: string) => agingDetailHref(slug, { ...detailScope, bucket });
  const detailHref = useCallback(
    (customer: string, bucket: string) =>
      agingDetailHref(slug, {
        asOf: report.asOf,
        currency: report.currency,
        locations: state.locations,
        billSource: state.billSource,
        bucket,
        customer,
      }),
    [slug, report.asOf, report.currency, state.locations, state.billSource],
  );
  // The export takes the page's filters and sort, pinned to the date and currency on screen.
  const exportQuery = agingHref(slug, { ...state, asOf: report.asOf, currency: report.currency, page: undefined }).split('?')[1] ?? '';
  const filtered = Boolean(state.q || state.locations?.length || state.notContactedDays || state.brokenPromise || state.onHold || state.billSource);

  // Row selection (row ids are customer ids) lives for the rows on screen: another page, sort or filter starts empty.
  const rowsKey = report.rows.map((r) => r.customer.id).join(',');
  const [selected, setSelected] = useState<{ key: string; selection: RowSelectionState }>({ key: rowsKey, selection: {} });
  const selection = selected.key === rowsKey ? selected.selection : {};
  const onSelectionChange: OnChangeFn<RowSelectionState> = (updater) =>
    setSelected((prev) => {
      const base = prev.key === rowsKey ? prev.selection : {};
      return { key: rowsKey, selection: typeof updater === 'function' ? updater(base) : updater };
    });
  const customerIds = report.rows.filter((r) => selection[r.customer.id]).map((r) => r.customer.id);
  const pageLocations = state.locations ?? [];
  const modifyIds = new Set(modifyLocations.map((l) => l.id));
  const actions = (
    <>
      <DownloadInvoicesButton slug={slug} customerIds={customerIds} locations={pageLocations} />
      {canGenerate ? (
        <GenerateStatementsDialog
          slug={slug}
          customerIds={customerIds}
          locations={modifyLocations}
          defaultLocations={pageLocations.filter((id) => modifyIds.has(id))}
          excludedLocations={locations.filter((l) => pageLocations.includes(l.id) && !modifyIds.has(l.id)).map((l) => l.name)}
          currency={report.currency}
          asOf={report.asOf}
        />
      ) : null}
    </>
  );

  return (
    <div className="space-y-4" aria-busy={pending}>
      <div
        className={pending ? 'pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-brand-600' : 'hidden'}
        role="progressbar"
        aria-label="Loading"
      />
      <AgingSummary buckets={report.buckets} summary={report.summary} currency={report.currency} bucketHref={bucketHref} />
      <div className="flex flex-wrap items-center gap-3">
        <AgingSearch key={state.q ?? ''} value={state.q ?? ''} onSearch={(q) => go({ ...state, q: q || undefined, page: 1 })} />
        <AgingFilters
          key={JSON.stringify(state)}
          state={state}
          locations={locations}
          currencies={currencies}
          billSources={billSources}
          baseCurrency={baseCurrency}
          today={today}
          onApply={go}
        />
        <div className="ml-auto">
          <ExportLinks
            label="Export"
            href={(format) => `/api/v1/companies/${slug}/aging/export?${exportQuery}${exportQuery ? '&' : ''}format=${format}`}
          />
        </div>
      </div>
      <div className={pending ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
        <ListPagination
          noun={['customer', 'customers']}
          label="Pagination, top"
          page={report.page}
          perPage={report.perPage}
          totalRows={report.totalRows}
          totalPages={report.totalPages}
          hrefFor={pageHref}
        />
        {report.rows.length > 0 ? (
          <AgingTable
            slug={slug}
            rows={report.rows}
            showUnapplied={report.hasUnapplied}
            buckets={report.buckets}
            currency={report.currency}
            sort={report.sort}
            sortHref={sortHref}
            selection={selection}
            onSelectionChange={onSelectionChange}
            actions={actions}
            timeZone={timeZone}
            detailHref={detailHref}
          />
        ) : (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <Inbox className="mx-auto size-10 text-slate-300" aria-hidden />
            <p className="mt-3 font-medium">
              {report.totalRows > 0 ? 'No customers on this page' : filtered ? 'No customers match these filters' : 'Nothing is owed'}
            </p>
            <p className="mt-1 text-sm text-slate-500">
              {report.totalRows > 0
                ? 'Go back to the first page.'
                : filtered
                  ? 'Try another search or clear the filters.'
                  : `No open invoices in ${report.currency} as of ${report.asOf}.`}
            </p>
          </div>
        )}
        {report.rows.length > 0 ? (
          <ListPagination
            noun={['customer', 'customers']}
            label="Pagination, bottom"
            page={report.page}
            perPage={report.perPage}
            totalRows={report.totalRows}
            totalPages={report.totalPages}
            hrefFor={pageHref}
          />
        ) : null}
      </div>
    </div>
  );
}
