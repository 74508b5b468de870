import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { assertCan } from '@/lib/auth/can';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';

export const setLocationCollectorSchema = z.object({
  locationId: z.guid('Location must be an id'),
  /** A member of the company; null: nobody (its customers have no collector unless they have their own). */
  collectorId: z.guid('Collector must be a user id').nullable(),
});
export type SetLocationCollectorInput = z.input<typeof setLocationCollectorSchema>;

/** Sets a location's default collector, who collects from its customers that have none of their own (managers only). */
export async function setLocationCollector(access: CompanyAccess, input: unknown): Promise<{ locationId: string; collectorId: string | null }> {
  const p = parseOrThrow(setLocationCollectorSchema, input);
  assertCan(access, 'company.manage', undefined, 'Only managers can set the collector of a location.');
  const co = access.company.id;
  return prisma.$transaction(async (tx) => {
    if (p.collectorId !== null) {
      const member = await tx.membership.findUnique({
        where: { companyId_userId: { companyId: co, userId: p.collectorId } },
        select: { userId: true },
      });
      if (!member) throw new AppError('BAD_REQUEST', 'Collector: not a member of this company.', [{ path: 'collectorId', message: 'Not a member' }]);
    }
    const updated = await tx.$executeRaw`
      UPDATE locations SET collector_id = ${p.collectorId}::uuid WHERE company_id = ${co}::uuid AND id = ${p.locationId}::uuid`;
    if (updated === 0) throw notFound('Location');
    await writeAuditLog(
      {
        companyId: co,
        userId: access.userId,
        action: 'locations.collector',
        targetType: 'location',
        targetId: p.locationId,
        details: { collectorId: p.collectorId },
      },
      tx,
    );
    return { locationId: p.locationId, collectorId: p.collectorId };
  });
}
