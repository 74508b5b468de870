import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import type { PdfCompany, StatementDocument } from '@/lib/pdf/documents';
import { statementSnapshotSchema } from './statement-snapshot';

/** The company as printed on its documents. */
export async function pdfCompany(companyId: string): Promise<PdfCompany> {
  const company = await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true, remitTo: true, logoPng: true } });
  return { name: company.name, remitTo: company.remitTo, logoPng: company.logoPng };
}

/** Printable documents for stored statements of one company, in the order of the ids given (unknown ids skipped). */
export async function statementDocuments(companyId: string, statementIds: string[]): Promise<StatementDocument[]> {
  const [company, rows] = await Promise.all([
    pdfCompany(companyId),
    prisma.invoiceStatement.findMany({
      where: { companyId, id: { in: statementIds } },
      select: { id: true, asOf: true, currency: true, totalMinor: true, snapshot: true },
    }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return statementIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    byId.delete(id);
    const snapshot = statementSnapshotSchema.parse(row.snapshot);
    return [
      {
        company,
        customer: { name: snapshot.customer.name, addressLines: snapshot.customer.addressLines },
        asOf: calendarDateOf(row.asOf),
        currency: row.currency,
        buckets: snapshot.buckets,
        totalMinor: Number(row.totalMinor),
        invoices: snapshot.invoices,
        unapplied: snapshot.unapplied,
      },
    ];
  });
}
