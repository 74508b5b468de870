import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { assertCan } from '@/lib/auth/can';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';

export const REASSIGN_MAX_CUSTOMERS = 500;

export const reassignCustomersSchema = z.object({
  customerIds: z
    .array(z.guid('Each customer must be an id'), 'Customers must be a list of ids')
    .min(1, 'Choose at least one customer')
    .max(REASSIGN_MAX_CUSTOMERS, `At most ${REASSIGN_MAX_CUSTOMERS} customers at a time`),
  /** The new collector (a member of the company); null: back to the default location's collector. */
  collectorId: z.guid('Collector must be a user id').nullable(),
});
export type ReassignCustomersInput = z.input<typeof reassignCustomersSchema>;

/**
 * Sets the collector of customers in bulk (managers only). Every customer must be the company's, and the
 * collector one of its members; null hands the customers back to their default location's collector.
 */
export async function reassignCustomers(access: CompanyAccess, input: unknown): Promise<{ updated: number }> {
  const p = parseOrThrow(reassignCustomersSchema, input);
  assertCan(access, 'company.manage', undefined, 'Only managers can reassign customers.');
  const co = access.company.id;
  const ids = [...new Set(p.customerIds.map((id) => id.toLowerCase()))];
  return prisma.$transaction(async (tx) => {
    if (p.collectorId !== null) {
      const member = await tx.membership.findUnique({
        where: { companyId_userId: { companyId: co, userId: p.collectorId } },
        select: { userId: true },
      });
      if (!member) {
        throw new AppError('BAD_REQUEST', 'Collector: not a member of this company.', [{ path: 'collectorId', message: 'Not a member' }]);
      }
    }
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM customers WHERE company_id = ${co}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    if (locked.length !== ids.length) throw notFound('Customer');
    const updated = await tx.$executeRaw`
      UPDATE customers SET collector_id = ${p.collectorId}::uuid WHERE company_id = ${co}::uuid AND id = ANY(${ids}::uuid[])`;
    await writeAuditLog(
      {
        companyId: co,
        userId: access.userId,
        action: 'customers.reassign',
        targetType: 'company',
        targetId: co,
        details: { customerIds: ids, collectorId: p.collectorId },
      },
      tx,
    );
    return { updated };
  });
}
