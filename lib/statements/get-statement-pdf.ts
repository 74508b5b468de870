import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import { notFound } from '@/lib/errors/app-error';
import { renderStatementsPdf } from '@/lib/pdf/render-statements-pdf';
import { statementDocuments } from './statement-documents';

export interface PdfFile {
  filename: string;
  bytes: Uint8Array;
}

/**
 * Statements of one company rendered from their snapshots into one PDF, in the order given. Callers check
 * that the user may see these statements; this only keeps to the company.
 */
export async function getStatementsPdf(companyId: string, statementIds: string[], filename: string): Promise<PdfFile> {
  const docs = await statementDocuments(companyId, statementIds);
  if (docs.length !== new Set(statementIds).size) throw notFound('Statement');
  return { filename, bytes: await renderStatementsPdf(docs) };
}

/** One statement's PDF, named after the customer and date: the email attachment and the re-download. */
export async function getStatementPdf(companyId: string, statementId: string): Promise<PdfFile> {
  const statement = await prisma.invoiceStatement.findFirst({
    where: { companyId, id: statementId },
    select: { asOf: true, customer: { select: { name: true } } },
  });
  if (!statement) throw notFound('Statement');
  const date = calendarDateOf(statement.asOf);
  return getStatementsPdf(companyId, [statementId], `Statement ${safeFilePart(statement.customer.name)} ${date}.pdf`);
}

/** Keeps a name usable as a file name on every OS. */
export function safeFilePart(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'document'
  );
}
