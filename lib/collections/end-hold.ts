import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { activeHoldSql } from './active-hold-sql';
import { requireCollectionWrite } from './collection-scope';

export const endHoldSchema = z.object({ id: z.guid('Hold must be an id') });

/**
 * Ends a dispute or hold by hand (resolved, or released early). One already ended, or expired by its end date,
 * is a CONFLICT; the caller needs modify where it applies, as for placing it.
 */
export async function endHold(access: CompanyAccess, input: unknown, opts: { now?: Date } = {}): Promise<{ holdId: string; endedAt: string }> {
  const p = parseOrThrow(endHoldSchema, input);
  const now = opts.now ?? new Date();
  const today = todayInTimeZone(access.company.timeZone, now);
  const co = access.company.id;
  return prisma.$transaction(async (tx) => {
    const [h] = await tx.$queryRaw<
      { customer_id: string; invoice_id: string | null; kind: string; ended_at: Date | null; active: boolean; expired: boolean }[]
    >`
      SELECT customer_id, invoice_id, kind, ended_at, ${activeHoldSql(today, 'h')} AS active, coalesce(ends_on < ${today}::date, false) AS expired
      FROM collection_holds h WHERE h.company_id = ${co}::uuid AND h.id = ${p.id}::uuid FOR UPDATE`;
    if (!h) throw notFound('Hold');
    // Checked before the state, so a caller who may not act learns nothing more of it.
    await requireCollectionWrite(tx, access, h.customer_id, h.invoice_id ? [h.invoice_id] : []);
    if (h.ended_at) throw new AppError('CONFLICT', `This ${h.kind} was ended already.`);
    if (h.expired) throw new AppError('CONFLICT', `This ${h.kind} expired by its end date already.`);
    await tx.$executeRaw`UPDATE collection_holds SET ended_at = ${now}, ended_by = ${access.userId}::uuid
      WHERE company_id = ${co}::uuid AND id = ${p.id}::uuid AND ended_at IS NULL`;
    await writeAuditLog(
      {
        companyId: co,
        userId: access.userId,
        action: 'holds.end',
        targetType: h.invoice_id ? 'invoice' : 'customer',
        targetId: h.invoice_id ?? h.customer_id,
        details: { holdId: p.id, kind: h.kind, wasActive: h.active },
      },
      tx,
    );
    return { holdId: p.id, endedAt: now.toISOString() };
  });
}
