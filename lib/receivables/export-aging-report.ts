import 'server-only';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import type { ReportCell, ReportColumn, ReportFormat, TabularReport } from '@/lib/reports/tabular-report';
import { PDF_MAX_ROWS } from '@/lib/reports/write-pdf';
import { minorToDecimal } from '@/lib/money/currency';
import type { AgingParams } from './aging-params';
import { getAgingPage, type AgingReport } from './get-aging-page';
import { TOTALS_MAX_PAGE } from './aging-page-query';
import type { AgingCursor } from './aging-page-rows';

type ExportRow = AgingReport['rows'][number];

/** The collections status (today's): when and how the customer was last reached, what is next, promise and hold. */
const COLLECTION_COLUMNS: { header: string; kind: ReportColumn['kind']; value: (r: ExportRow) => ReportCell }[] = [
  { header: 'Last contact', kind: 'text', value: (r) => r.collections.lastContactAt ?? '' },
  { header: 'Last contact kind', kind: 'text', value: (r) => r.collections.lastContactKind ?? '' },
  { header: 'Next action', kind: 'text', value: (r) => r.collections.nextAction ?? '' },
  { header: 'Next action date', kind: 'text', value: (r) => r.collections.nextActionOn ?? '' },
  { header: 'Promise', kind: 'text', value: (r) => r.collections.promise?.state ?? '' },
  // In the promise's own currency, which may differ from the report's: written as a decimal text.
  { header: 'Promised amount', kind: 'text', value: (r) => (r.collections.promise ? promiseAmount(r.collections.promise) : '') },
  { header: 'Promise currency', kind: 'text', value: (r) => r.collections.promise?.currency ?? '' },
  { header: 'Promised date', kind: 'text', value: (r) => r.collections.promise?.promisedOn ?? '' },
  { header: 'Hold', kind: 'text', value: (r) => r.collections.hold?.kind ?? '' },
  { header: 'Hold reason', kind: 'text', value: (r) => r.collections.hold?.reason ?? '' },
];
/** The headers of the collections columns, which follow Currency. */
export const AGING_EXPORT_COLLECTION_HEADERS = COLLECTION_COLUMNS.map((c) => c.header);

const promiseAmount = (p: { amountMinor: number; currency: string }) => minorToDecimal(p.amountMinor, p.currency);

/** Most rows in one export: beyond it, narrow the filters. Every customer of the 1M-invoice benchmark fits. */
export const AGING_EXPORT_MAX_ROWS = 200_000;
/**
 * The first batch of a streamed export: a few rows, read as fast as the first page, so the file's head (which
 * needs the count and the columns) leaves at once; the first full batch then skips them.
 */
const FIRST_ROWS = 10;

/**
 * Whether an export can read the page in batches from the running totals (or a snapshot): ordered by name or
 * total, with no name search, bill source or collections filter. Any other order reads every row in one
 * statement, as the page's own aggregate does.
 */
function readsInBatches(params: AgingParams): boolean {
  const sort = params.sort ?? 'name';
  return (
    ['name', '-name', 'total', '-total'].includes(sort) &&
    !params.q &&
    !params.billSource &&
    !params.notContactedDays &&
    !params.brokenPromise &&
    !params.onHold
  );
}

/**
 * The aging page with its current filters and sort, every row (not just one page), as a report in any format:
 * each customer's buckets, unapplied and net total, the collections status, then a Total row summed from the
 * rows written and each bucket's share of it. Where it can, the rows are read a batch at a time while the file
 * is written, so the download starts at once and memory stays flat. Audited.
 */
export async function exportAgingReport(
  access: CompanyAccess,
  params: AgingParams,
  format: ReportFormat,
  now: Date = new Date(),
  sizes: { batch: number; first: number } = { batch: TOTALS_MAX_PAGE, first: FIRST_ROWS },
): Promise<TabularReport> {
  const batched = readsInBatches(params);
  const batch = batched ? sizes.batch : AGING_EXPORT_MAX_ROWS;
  // A PDF reads every row before its first page (its columns fit the widest figure): full batches from the start.
  const firstRows = batched && format !== 'pdf' ? sizes.first : batch;
  const first = await getAgingPage(access, { ...params, page: 1, perPage: firstRows }, now);
  if (format === 'pdf' && first.totalRows > PDF_MAX_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `A PDF holds at most ${PDF_MAX_ROWS.toLocaleString('en-US')} customers; these filters have ${first.totalRows.toLocaleString('en-US')}. Use CSV or Excel, or narrow the filters.`,
      [{ path: 'format', message: 'Too many rows for a PDF' }],
    );
  }
  if (first.totalRows > AGING_EXPORT_MAX_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `An export holds at most ${AGING_EXPORT_MAX_ROWS.toLocaleString('en-US')} customers; these filters have ${first.totalRows.toLocaleString('en-US')}. Narrow the filters.`,
      [{ path: 'locations', message: 'Too many rows for one export' }],
    );
  }
  const { buckets, currency } = first;
  const columns: ReportColumn[] = [
    { header: 'Customer', kind: 'text', width: 30 },
    { header: 'Customer ID', kind: 'text', width: 20, pdf: false },
    ...buckets.map((b) => ({ header: b.label, kind: 'money' as const, width: 13 })),
    { header: 'Unapplied', kind: 'money', width: 13 },
    { header: 'Net total', kind: 'money', width: 14 },
    // The PDF prints the currency among its filters.
    { header: 'Currency', kind: 'text', width: 8, pdf: false },
    // The PDF page holds the buckets and the name; the collections status is in the spreadsheet formats.
    ...COLLECTION_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, width: 12, pdf: false })),
  ];
  const blanks = COLLECTION_COLUMNS.map(() => null);
  const sums = { amounts: buckets.map(() => 0), unapplied: 0, total: 0 };
  const cells = (r: ExportRow): ReportCell[] => {
    buckets.forEach((b, i) => (sums.amounts[i]! += r.amounts[b.key] ?? 0));
    sums.unapplied += r.unapplied;
    sums.total += r.total;
    return [
      r.customer.name,
      r.customer.id,
      ...buckets.map((b) => r.amounts[b.key] ?? 0),
      r.unapplied,
      r.total,
      currency,
      ...COLLECTION_COLUMNS.map((c) => c.value(r)),
    ];
  };
  const names = access.viewLocations.filter((l) => params.locations.includes(l.id)).map((l) => l.name);
  await writeAuditLog({
    companyId: access.company.id,
    userId: access.userId,
    action: 'aging.export',
    targetType: 'company',
    targetId: access.company.id,
    details: {
      format,
      asOf: first.asOf,
      currency,
      locations: params.locations,
      q: params.q ?? null,
      notContactedDays: params.notContactedDays ?? null,
      brokenPromise: params.brokenPromise,
      onHold: params.onHold,
      billSource: first.billSource?.name ?? null,
      rows: first.totalRows,
    },
  });
  return {
    title: 'AR aging summary',
    company: access.company.name,
    currency,
    filename: `${access.company.slug}-aging-${first.asOf}-${currency}`,
    filters: [
      ['As of', first.asOf],
      ['Currency', currency],
      ['Locations', names.length ? names.join(', ') : `All your locations (${access.viewLocations.length})`],
      ...(first.billSource ? ([['Bill source', first.billSource.name]] as [string, string][]) : []),
      ...(params.q ? ([['Customer name contains', params.q]] as [string, string][]) : []),
      ...(params.notContactedDays ? ([['Not contacted in', `${params.notContactedDays} days`]] as [string, string][]) : []),
      ...(params.brokenPromise ? ([['Broken promise', 'yes']] as [string, string][]) : []),
      ...(params.onHold ? ([['On hold or disputed', 'yes']] as [string, string][]) : []),
      ['Customers', first.totalRows.toLocaleString('en-US')],
    ],
    columns,
    rows: (async function* () {
      yield first.rows.map(cells);
      if (first.rows.length === first.totalRows) return;
      // Until a short batch: customers added while the file is written are not cut off by the first count.
      for (let read = first.rows; ;) {
        // The same as-of date and "today" as the first batch, whenever this one is read.
        const next = await getAgingPage(
          access,
          { ...params, asOf: first.asOf, page: 1, perPage: batch, after: cursorOf(read.at(-1)!, first.sort) },
          now,
        );
        // By total, a customer of the batch before that was paid since can sort after the cursor again.
        const ids = new Set(read.map((r) => r.customer.id));
        yield next.rows.filter((r) => !ids.has(r.customer.id)).map(cells);
        if (next.rows.length < batch) return;
        read = next.rows;
      }
    })(),
    footer: () => {
      const gross = sums.amounts.reduce((a, b) => a + b, 0);
      return [
        ['Total', '', ...sums.amounts, sums.unapplied, sums.total, currency, ...blanks],
        ['Share of total', '', ...sums.amounts.map((a) => ({ share: gross > 0 ? a / gross : 0 })), null, null, null, ...blanks],
      ];
    },
  };
}

/** Where the next batch starts: after this row, in the export's order (name or total). */
function cursorOf(row: ExportRow, sort: string): AgingCursor {
  return { name: row.customer.name, id: row.customer.id, amount: sort.endsWith('total') ? row.total : 0 };
}
