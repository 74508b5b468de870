import 'server-only';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { toCsv, type CsvColumn } from '@/lib/csv/to-csv';
import { minorToDecimal } from '@/lib/money/currency';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import type { AgingParams } from './aging-params';
import { getAgingPage, type AgingReport } from './get-aging-page';

type ExportRow = AgingReport['rows'][number];

/** The collections status (today's): when and how the customer was last reached, what is next, promise and hold. */
const COLLECTION_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: 'Last contact', value: (r) => r.collections.lastContactAt ?? '' },
  { header: 'Last contact kind', value: (r) => r.collections.lastContactKind ?? '' },
  { header: 'Next action', value: (r) => r.collections.nextAction ?? '' },
  { header: 'Next action date', value: (r) => r.collections.nextActionOn ?? '' },
  { header: 'Promise', value: (r) => r.collections.promise?.state ?? '' },
  {
    header: 'Promised amount',
    value: (r) => (r.collections.promise ? minorToDecimal(r.collections.promise.amountMinor, r.collections.promise.currency) : ''),
  },
  { header: 'Promise currency', value: (r) => r.collections.promise?.currency ?? '' },
  { header: 'Promised date', value: (r) => r.collections.promise?.promisedOn ?? '' },
  { header: 'Hold', value: (r) => r.collections.hold?.kind ?? '' },
  { header: 'Hold reason', text: true, value: (r) => r.collections.hold?.reason ?? '' },
];
/** The headers of the collections columns, which follow Currency. */
export const AGING_EXPORT_COLLECTION_HEADERS = COLLECTION_COLUMNS.map((c) => c.header);

/** Most rows in one export: beyond it, narrow the filters. Every customer of the 1M-invoice benchmark fits. */
export const AGING_EXPORT_MAX_ROWS = 200_000;

/** The aging page with its current filters and sort, every row (not just one page), as CSV. */
export async function exportAgingCsv(
  access: CompanyAccess,
  params: AgingParams,
  now: Date = new Date(),
): Promise<{ filename: string; csv: string; rows: number }> {
  const report = await getAgingPage(access, { ...params, page: 1, perPage: AGING_EXPORT_MAX_ROWS }, now);
  const money = (minor: number) => minorToDecimal(minor, report.currency);
  const csv = toCsv<ExportRow>(
    [
      { header: 'Customer', text: true, value: (r) => r.customer.name },
      { header: 'Customer ID', value: (r) => r.customer.id },
      ...report.buckets.map((b) => ({ header: b.label, value: (r: ExportRow) => money(r.amounts[b.key] ?? 0) })),
      { header: 'Unapplied', value: (r) => money(r.unapplied) },
      { header: 'Net total', value: (r) => money(r.total) },
      { header: 'Currency', value: () => report.currency },
      ...COLLECTION_COLUMNS,
    ],
    report.rows,
  );
  await writeAuditLog({
    companyId: access.company.id,
    userId: access.userId,
    action: 'aging.export',
    targetType: 'company',
    targetId: access.company.id,
    details: {
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
  return { filename: `${access.company.slug}-aging-${report.asOf}-${report.currency}.csv`, csv, rows: report.rows.length };
}
