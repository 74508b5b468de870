import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { amountField, amountMinor, calendarDateField } from './ledger-input';
import { requireCustomerModify } from './lock-invoices';

export const recordCreditNoteSchema = z.object({
  customerId: z.guid('Customer must be an id'),
  /** For a customer without a default location: the location the credit belongs to. */
  locationId: z.guid('Location must be an id').optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code')
    .optional(),
  amount: amountField('Amount'),
  issuedOn: calendarDateField('Credit date').optional(),
  reason: z.string('Reason is required').trim().min(1, 'Reason is required').max(500, 'Reason must be at most 500 characters'),
});

/** A credit note on a customer: unapplied until applied to invoices like a payment. */
export async function recordCreditNote(access: CompanyAccess, input: unknown): Promise<{ creditNoteId: string }> {
  const p = parseOrThrow(recordCreditNoteSchema, input);
  const today = todayInTimeZone(access.company.timeZone);
  const issuedOn = p.issuedOn ?? today;
  if (issuedOn > today) throw new AppError('BAD_REQUEST', 'Credit date cannot be in the future.', [{ path: 'issuedOn', message: 'In the future' }]);
  const currency = p.currency ?? access.company.baseCurrency;
  const amount = amountMinor(p.amount, currency, 'amount');
  if (!amount.ok) throw new AppError('BAD_REQUEST', `Amount: ${amount.issue.message}`, [amount.issue]);
  const companyId = access.company.id;
  return prisma.$transaction(async (tx) => {
    await requireCustomerModify(tx, access, p.customerId, p.locationId);
    const note = await tx.creditNote.create({
      data: {
        companyId,
        customerId: p.customerId,
        currency,
        amountMinor: BigInt(amount.minor),
        unappliedMinor: BigInt(amount.minor),
        issuedOn: new Date(`${issuedOn}T00:00:00Z`),
        reason: p.reason,
        createdBy: access.userId,
      },
      select: { id: true },
    });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'credits.record',
        targetType: 'credit_note',
        targetId: note.id,
        details: { customerId: p.customerId, amountMinor: amount.minor, currency, issuedOn, reason: p.reason },
      },
      tx,
    );
    return { creditNoteId: note.id };
  });
}
