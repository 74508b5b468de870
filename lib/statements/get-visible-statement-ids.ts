import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { notFound } from '@/lib/errors/app-error';
import { visibleStatements } from './visible-statements';

/**
 * The statements of a batch, or one statement, that the user may see, in customer-name order; not found when
 * there are none (another company's id included).
 */
export async function getVisibleStatementIds(access: CompanyAccess, by: { batchId: string } | { statementId: string }): Promise<string[]> {
  const filter = 'batchId' in by ? Prisma.sql`s.batch_id = ${by.batchId}::uuid` : Prisma.sql`s.id = ${by.statementId}::uuid`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM invoice_statements s JOIN customers c ON c.company_id = s.company_id AND c.id = s.customer_id
    WHERE ${visibleStatements(access)} AND ${filter}
    ORDER BY c.name, s.created_at`;
  if (rows.length === 0) throw notFound('batchId' in by ? 'Statement batch' : 'Statement');
  return rows.map((r) => r.id);
}
