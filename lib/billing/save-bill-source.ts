import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { frequencyOf } from '@/lib/aging/billing-frequency';
import { billSourceInputSchema } from './bill-source-input';
import type { BillSourceSummary } from './list-bill-sources';

/**
 * Adds a bill source, or changes one (`id`): its name and billing frequency. Admins only; audited with before and
 * after. A changed frequency re-buckets at once the invoices of a source aged by billing periods.
 */
export async function saveBillSource(access: CompanyAccess, input: unknown, id?: string): Promise<BillSourceSummary> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may change bill sources.');
  if (id !== undefined && !z.guid().safeParse(id).success) throw notFound('Bill source');
  const p = parseOrThrow(billSourceInputSchema, input);
  const companyId = access.company.id;
  const data = {
    name: p.name,
    frequency: p.frequency.kind,
    intervalDays: p.frequency.kind === 'every_n_days' ? p.frequency.days : null,
  };
  return prisma.$transaction(async (tx) => {
    // Names are unique per company, case aside: the company row lock orders two saves of the same name.
    await tx.$executeRaw`SELECT 1 FROM companies WHERE id = ${companyId}::uuid FOR UPDATE`;
    // lower() as the unique index has it (Prisma's insensitive match is a LIKE, which a trailing backslash breaks).
    const [clash] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM bill_sources
      WHERE company_id = ${companyId}::uuid AND lower(name) = lower(${p.name}) AND id IS DISTINCT FROM ${id ?? null}::uuid`;
    if (clash) throw new AppError('CONFLICT', `A bill source named "${p.name}" already exists.`, [{ path: 'name', message: 'Already in use' }]);
    const before = id ? await tx.billSource.findUnique({ where: { companyId_id: { companyId, id } } }) : null;
    if (id && !before) throw notFound('Bill source');
    const row = before
      ? await tx.billSource.update({ where: { companyId_id: { companyId, id: before.id } }, data })
      : await tx.billSource.create({ data: { companyId, ...data } });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: before ? 'bill_source.update' : 'bill_source.create',
        targetType: 'bill_source',
        targetId: row.id,
        details: { before: before ? { name: before.name, frequency: before.frequency, intervalDays: before.intervalDays } : null, after: data },
      },
      tx,
    );
    const own = await tx.agingScheme.count({ where: { companyId, billSourceId: row.id, isActive: true } });
    return { id: row.id, name: row.name, frequency: frequencyOf(row), ownScheme: own > 0 };
  });
}
