import 'server-only';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import type { ReportCell, ReportColumn, ReportFormat, TabularReport } from '@/lib/reports/tabular-report';
import { PDF_MAX_ROWS } from '@/lib/reports/write-pdf';
import { minorToDecimal } from '@/lib/money/currency';
import type { AgingParams } from './aging-params';
import { getAgingPage, type AgingReport } from './get-aging-page';

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
 * The aging page with its current filters and sort, every row (not just one page), as a report in any format:
 * each customer's buckets, unapplied and net total, the collections status, then a Total row and each bucket's
 * share of what is owed. Audited.
 */
export async function exportAgingReport(
  access: CompanyAccess,
  params: AgingParams,
  format: ReportFormat,
  now: Date = new Date(),
): Promise<TabularReport> {
  const report = await getAgingPage(access, { ...params, page: 1, perPage: AGING_EXPORT_MAX_ROWS }, now);
  if (format === 'pdf' && report.rows.length > PDF_MAX_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `A PDF holds at most ${PDF_MAX_ROWS.toLocaleString('en-US')} customers; these filters have ${report.rows.length.toLocaleString('en-US')}. Use CSV or Excel, or narrow the filters.`,
      [{ path: 'format', message: 'Too many rows for a PDF' }],
    );
  }
  const columns: ReportColumn[] = [
    { header: 'Customer', kind: 'text', width: 30 },
    { header: 'Customer ID', kind: 'text', width: 20 },
    ...report.buckets.map((b) => ({ header: b.label, kind: 'money' as const, width: 13 })),
    { header: 'Unapplied', kind: 'money', width: 13 },
    { header: 'Net total', kind: 'money', width: 14 },
    { header: 'Currency', kind: 'text', width: 8 },
    ...COLLECTION_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, width: 12 })),
  ];
  const blanks = COLLECTION_COLUMNS.map(() => null);
  const gross = report.buckets.reduce((t, b) => t + (report.summary.amounts[b.key] ?? 0), 0);
  const rows = report.rows.map((r): ReportCell[] => [
    r.customer.name,
    r.customer.id,
    ...report.buckets.map((b) => r.amounts[b.key] ?? 0),
    r.unapplied,
    r.total,
    report.currency,
    ...COLLECTION_COLUMNS.map((c) => c.value(r)),
  ]);
  const names = access.viewLocations.filter((l) => params.locations.includes(l.id)).map((l) => l.name);
  await writeAuditLog({
    companyId: access.company.id,
    userId: access.userId,
    action: 'aging.export',
    targetType: 'company',
    targetId: access.company.id,
    details: {
      format,
      asOf: report.asOf,
      currency: report.currency,
      locations: params.locations,
      q: params.q ?? null,
      notContactedDays: params.notContactedDays ?? null,
      brokenPromise: params.brokenPromise,
      onHold: params.onHold,
      billSource: report.billSource?.name ?? null,
      rows: report.rows.length,
    },
  });
  return {
    title: 'AR aging summary',
    company: access.company.name,
    currency: report.currency,
    filename: `${access.company.slug}-aging-${report.asOf}-${report.currency}`,
    filters: [
      ['As of', report.asOf],
      ['Currency', report.currency],
      ['Locations', names.length ? names.join(', ') : `All your locations (${access.viewLocations.length})`],
      ...(report.billSource ? ([['Bill source', report.billSource.name]] as [string, string][]) : []),
      ...(params.q ? ([['Customer name contains', params.q]] as [string, string][]) : []),
      ...(params.notContactedDays ? ([['Not contacted in', `${params.notContactedDays} days`]] as [string, string][]) : []),
      ...(params.brokenPromise ? ([['Broken promise', 'yes']] as [string, string][]) : []),
      ...(params.onHold ? ([['On hold or disputed', 'yes']] as [string, string][]) : []),
      ['Customers', report.rows.length.toLocaleString('en-US')],
    ],
    columns,
    rows: (async function* () {
      yield rows;
    })(),
    footer: () => [
      [
        'Total',
        '',
        ...report.buckets.map((b) => report.summary.amounts[b.key] ?? 0),
        report.summary.unapplied,
        report.summary.total,
        report.currency,
        ...blanks,
      ],
      [
        'Share of total',
        '',
        ...report.buckets.map((b) => ({ share: gross > 0 ? (report.summary.amounts[b.key] ?? 0) / gross : 0 })),
        null,
        null,
        null,
        ...blanks,
      ],
    ],
  };
}
