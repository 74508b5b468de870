import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import type { ReportCell, ReportColumn, ReportFormat, TabularReport } from '@/lib/reports/tabular-report';
import { PDF_MAX_ROWS } from '@/lib/reports/write-pdf';
import type { AgingDetailParams } from './aging-detail-params';
import { prepareAgingDetail, type AgingDetailRow, type DetailCursor } from './get-aging-detail';
import { toMinor } from './aging-sql';

/** Rows read per statement while exporting: the export holds one batch at a time, whatever the report's size. */
export const DETAIL_EXPORT_BATCH = 5_000;

/**
 * The AR aging detail with its filters, every matching invoice, as a report in any format: read in batches
 * by a keyset (due date, id) so a 700,000-invoice export streams in constant memory, then a Total row. Audited.
 */
export async function exportAgingDetail(
  access: CompanyAccess,
  params: Omit<AgingDetailParams, 'page' | 'perPage'>,
  format: ReportFormat,
  now: Date = new Date(),
  batchSize = DETAIL_EXPORT_BATCH,
): Promise<TabularReport> {
  const d = await prepareAgingDetail(access, params, now);
  const [totals] = await prisma.$queryRaw<{ n: bigint; total: bigint }[]>(d.totalsSql);
  const count = toMinor(totals?.n);
  if (format === 'pdf' && count > PDF_MAX_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `A PDF holds at most ${PDF_MAX_ROWS.toLocaleString('en-US')} invoices; these filters have ${count.toLocaleString('en-US')}. Use CSV or Excel, or narrow the filters.`,
      [{ path: 'format', message: 'Too many rows for a PDF' }],
    );
  }
  const labelOf = new Map(d.buckets.map((b) => [b.key, b.label]));
  const columns: ReportColumn[] = [
    { header: 'Customer', kind: 'text', width: 28 },
    { header: 'Invoice', kind: 'text', width: 14, whole: true },
    { header: 'Location', kind: 'text', width: 14 },
    { header: 'Bill source', kind: 'text', width: 12 },
    { header: 'Invoice date', kind: 'date', width: 11 },
    { header: 'Due date', kind: 'date', width: 11 },
    { header: 'Days overdue', kind: 'number', width: 9 },
    { header: 'Bucket', kind: 'text', width: 9, whole: true },
    { header: 'Balance', kind: 'money', width: 13 },
    { header: 'Collector', kind: 'text', width: 14 },
    { header: 'Last contact', kind: 'text', width: 12 },
  ];
  const cells = (r: AgingDetailRow): ReportCell[] => [
    r.customer.name,
    r.invoice.number,
    r.location,
    r.billSource ?? '',
    r.invoiceDate,
    r.dueDate,
    r.daysOverdue,
    labelOf.get(r.bucket) ?? r.bucket,
    r.balance,
    r.collector ?? '',
    r.lastContact ? r.lastContact.at.slice(0, 10) : '',
  ];
  // The Total row adds up the rows written (read batch by batch, not in one snapshot), so it always matches them.
  let written = 0;
  let balance = 0n;
  async function* rows(): AsyncGenerator<ReportCell[][]> {
    let after: DetailCursor | null = null;
    for (;;) {
      // A small first batch, so the first bytes go out at once; then full batches.
      const size = after === null ? Math.min(batchSize, 500) : batchSize;
      const batch = await d.rowsAfter(after, size);
      if (batch.length === 0) return;
      written += batch.length;
      for (const r of batch) balance += BigInt(r.balance);
      yield batch.map(cells);
      const last = batch[batch.length - 1]!;
      after = { dueDate: last.dueDate, id: last.invoice.id };
      if (batch.length < size) return;
    }
  }
  const names = access.viewLocations.filter((l) => params.locations.includes(l.id)).map((l) => l.name);
  await writeAuditLog({
    companyId: access.company.id,
    userId: access.userId,
    action: 'aging_detail.export',
    targetType: 'company',
    targetId: access.company.id,
    details: {
      format,
      asOf: d.asOf,
      currency: d.currency,
      bucket: d.bucket,
      customer: params.customer ?? null,
      locations: params.locations,
      billSource: d.billSource?.name ?? null,
      rows: count,
    },
  });
  return {
    title: 'AR aging detail',
    company: access.company.name,
    currency: d.currency,
    filename: `${access.company.slug}-aging-detail-${d.asOf}-${d.currency}${d.bucket ? `-${d.bucket}` : ''}`,
    filters: [
      ['As of', d.asOf],
      ['Currency', d.currency],
      ['Locations', names.length ? names.join(', ') : `All your locations (${access.viewLocations.length})`],
      ['Bucket', d.bucket ? (labelOf.get(d.bucket) ?? d.bucket) : 'All buckets'],
      ...(d.billSource ? ([['Bill source', d.billSource.name]] as [string, string][]) : []),
      ...(params.customer ? ([['Customer', params.customer]] as [string, string][]) : []),
      ['Order', params.sort === 'days' ? 'Fewest days overdue first' : 'Most days overdue first'],
      ['Invoices', count.toLocaleString('en-US')],
    ],
    columns,
    rows: rows(),
    footer: () => [['Total', `${written.toLocaleString('en-US')} invoices`, null, null, null, null, null, null, toMinor(balance), null, null]],
  };
}
