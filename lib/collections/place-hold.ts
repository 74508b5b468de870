import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { dateField, HOLD_KINDS, optionalText } from './collection-input';
import { findVisibleInvoice, requireCollectionWrite } from './collection-scope';

export const placeHoldSchema = z
  .object({
    kind: z.enum(HOLD_KINDS, `Kind must be one of ${HOLD_KINDS.join(', ')}`),
    /** On the whole customer; or give invoiceId for one invoice (its customer is implied). */
    customerId: z.guid('Customer must be an id').optional(),
    invoiceId: z.guid('Invoice must be an id').optional(),
    reason: z.string('Reason is required').trim().min(1, 'Reason is required').max(200, 'Reason must be at most 200 characters'),
    note: optionalText('Note', 5000),
    /** Default today. */
    startsOn: dateField('Start date').optional(),
    /** The last day it is active (inclusive); required for a hold, optional for a dispute. */
    endsOn: dateField('End date').optional().nullable(),
  })
  .refine((p) => p.customerId || p.invoiceId, { path: ['customerId'], message: 'Choose a customer or an invoice' })
  .refine((p) => p.kind !== 'hold' || p.endsOn, { path: ['endsOn'], message: 'A hold needs an end date' });
export type PlaceHoldInput = z.input<typeof placeHoldSchema>;

/**
 * Places a dispute or a hold on a customer or on one of its invoices. While active the money still ages, but
 * no reminder goes out for it. A hold ends by itself after its end date; a dispute may stay open until ended.
 */
export async function placeHold(access: CompanyAccess, input: unknown, opts: { now?: Date } = {}): Promise<{ holdId: string }> {
  const p = parseOrThrow(placeHoldSchema, input);
  const today = todayInTimeZone(access.company.timeZone, opts.now ?? new Date());
  const startsOn = p.startsOn ?? today;
  if (p.endsOn && p.endsOn < today) {
    throw new AppError('BAD_REQUEST', 'End date cannot be in the past.', [{ path: 'endsOn', message: 'In the past' }]);
  }
  if (p.endsOn && p.endsOn < startsOn) {
    throw new AppError('BAD_REQUEST', 'End date must be on or after the start date.', [{ path: 'endsOn', message: 'Before the start date' }]);
  }
  const co = access.company.id;
  return prisma.$transaction(async (tx) => {
    const customerId = p.customerId ?? (await findVisibleInvoice(tx, access, p.invoiceId!)).customer_id;
    const scope = await requireCollectionWrite(tx, access, customerId, p.invoiceId ? [p.invoiceId] : []);
    const invoiceId = scope.invoices[0]?.id ?? null;
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO collection_holds (company_id, customer_id, invoice_id, kind, reason, note, starts_on, ends_on, created_by)
      VALUES (${co}::uuid, ${scope.customer.id}::uuid, ${invoiceId}::uuid, ${p.kind}, ${p.reason}, ${p.note}, ${startsOn}::date,
        ${p.endsOn ?? null}::date, ${access.userId}::uuid)
      RETURNING id`;
    await writeAuditLog(
      {
        companyId: co,
        userId: access.userId,
        action: 'holds.place',
        targetType: invoiceId ? 'invoice' : 'customer',
        targetId: invoiceId ?? scope.customer.id,
        details: { holdId: row!.id, kind: p.kind, reason: p.reason, startsOn, endsOn: p.endsOn ?? null, customerId: scope.customer.id },
      },
      tx,
    );
    return { holdId: row!.id };
  });
}
