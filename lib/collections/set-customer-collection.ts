import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { dateField, NEXT_ACTIONS } from './collection-input';
import { requireCollectionWrite } from './collection-scope';

/** Fields left out stay as they are; null clears. The body of PATCH .../customers/{id}/collection. */
export const customerCollectionFields = z.object({
  /** A member of the company; null: the default location's collector. */
  collectorId: z.guid('Collector must be a user id').nullable().optional(),
  nextAction: z
    .enum(NEXT_ACTIONS, `Next action must be one of ${NEXT_ACTIONS.join(', ')}`)
    .nullable()
    .optional(),
  nextActionOn: dateField('Next action date').nullable().optional(),
  remindersOptOut: z.boolean('Opted out of reminders must be true or false').optional(),
});

export const setCustomerCollectionSchema = customerCollectionFields
  .extend({ customerId: z.guid('Customer must be an id') })
  .refine((p) => (p.nextAction === undefined) === (p.nextActionOn === undefined) && (p.nextAction === null) === (p.nextActionOn === null), {
    path: ['nextActionOn'],
    message: 'Give both a next action and its date, or neither',
  });
export type SetCustomerCollectionInput = z.input<typeof setCustomerCollectionSchema>;

export interface CustomerCollection {
  customerId: string;
  collectorId: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
  remindersOptOut: boolean;
}

/**
 * Sets who collects from a customer, its next action and date, and whether it opted out of reminders. Needs
 * invoices.modify on the customer's location (as for logging contact with it).
 */
export async function setCustomerCollection(access: CompanyAccess, input: unknown, opts: { now?: Date } = {}): Promise<CustomerCollection> {
  const p = parseOrThrow(setCustomerCollectionSchema, input);
  const today = todayInTimeZone(access.company.timeZone, opts.now ?? new Date());
  if (p.nextActionOn && p.nextActionOn < today) {
    throw new AppError('BAD_REQUEST', 'Next action date cannot be in the past.', [{ path: 'nextActionOn', message: 'In the past' }]);
  }
  const co = access.company.id;
  return prisma.$transaction(async (tx) => {
    const { customer } = await requireCollectionWrite(tx, access, p.customerId);
    if (p.collectorId) {
      const member = await tx.membership.findUnique({
        where: { companyId_userId: { companyId: co, userId: p.collectorId } },
        select: { userId: true },
      });
      if (!member) throw new AppError('BAD_REQUEST', 'Collector: not a member of this company.', [{ path: 'collectorId', message: 'Not a member' }]);
    }
    const sets: Prisma.Sql[] = [];
    if (p.collectorId !== undefined) sets.push(Prisma.sql`collector_id = ${p.collectorId}::uuid`);
    if (p.nextAction !== undefined) sets.push(Prisma.sql`next_action = ${p.nextAction}, next_action_on = ${p.nextActionOn ?? null}::date`);
    if (p.remindersOptOut !== undefined) sets.push(Prisma.sql`reminders_opt_out = ${p.remindersOptOut}`);
    const [row] = await tx.$queryRaw<
      { collector_id: string | null; next_action: string | null; next_action_on: string | null; reminders_opt_out: boolean }[]
    >`
      UPDATE customers SET ${sets.length > 0 ? Prisma.join(sets, ', ') : Prisma.sql`collector_id = collector_id`}
      WHERE company_id = ${co}::uuid AND id = ${customer.id}::uuid
      RETURNING collector_id, next_action, next_action_on::text, reminders_opt_out`;
    const { customerId: _customer, ...changes } = p;
    await writeAuditLog(
      { companyId: co, userId: access.userId, action: 'customers.collection', targetType: 'customer', targetId: customer.id, details: changes },
      tx,
    );
    return {
      customerId: customer.id,
      collectorId: row!.collector_id,
      nextAction: row!.next_action,
      nextActionOn: row!.next_action_on,
      remindersOptOut: row!.reminders_opt_out,
    };
  });
}
