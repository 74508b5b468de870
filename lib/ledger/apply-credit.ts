import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { todayInTimeZone, calendarDateOf } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { applyToInvoices } from './apply-to-invoices';
import { amountField, amountMinor, calendarDateField } from './ledger-input';
import { requireCustomerModify } from './lock-invoices';

export const applyCreditSchema = z.object({
  source: z.enum(['payment', 'credit_note'], 'Source must be payment or credit_note'),
  id: z.guid('Must be an id'),
  allocations: z
    .array(z.object({ invoiceId: z.guid('Invoice must be an id'), amount: amountField('Amount') }))
    .min(1, 'Apply to at least one invoice')
    .max(500),
  /** Defaults to today in the company's time zone; never before the money arrived. */
  appliedOn: calendarDateField('Apply date').optional(),
});

/**
 * Applies an unapplied payment or credit note to open invoices of its customer: never more than it has left,
 * never more than an invoice's balance. All of it or nothing, in one transaction.
 */
export async function applyCredit(access: CompanyAccess, input: unknown): Promise<{ unappliedMinor: number }> {
  const p = parseOrThrow(applyCreditSchema, input);
  const companyId = access.company.id;
  const today = todayInTimeZone(access.company.timeZone);
  const appliedOn = p.appliedOn ?? today;
  if (appliedOn > today) throw new AppError('BAD_REQUEST', 'Apply date cannot be in the future.', [{ path: 'appliedOn', message: 'In the future' }]);
  return prisma.$transaction(async (tx) => {
    type Source = { customer_id: string; currency: string; unapplied_minor: bigint; dated: Date };
    const [row] =
      p.source === 'payment'
        ? await tx.$queryRaw<Source[]>`SELECT customer_id, currency, unapplied_minor, received_on AS dated FROM payments
          WHERE company_id = ${companyId}::uuid AND id = ${p.id}::uuid FOR UPDATE`
        : await tx.$queryRaw<Source[]>`SELECT customer_id, currency, unapplied_minor, issued_on AS dated FROM credit_notes
          WHERE company_id = ${companyId}::uuid AND id = ${p.id}::uuid FOR UPDATE`;
    if (!row) throw notFound(p.source === 'payment' ? 'Payment' : 'Credit note');
    await requireCustomerModify(tx, access, row.customer_id);
    if (appliedOn < calendarDateOf(row.dated)) {
      throw new AppError('BAD_REQUEST', 'Apply date cannot be before the money was received.', [{ path: 'appliedOn', message: 'Too early' }]);
    }
    const currency = row.currency.trim();
    const allocations = p.allocations.map((a, i) => {
      const amount = amountMinor(a.amount, currency, `allocations.${i}.amount`);
      if (!amount.ok) throw new AppError('BAD_REQUEST', `Allocation ${i + 1}: ${amount.issue.message}`, [amount.issue]);
      return { invoiceId: a.invoiceId, amountMinor: amount.minor };
    });
    const left = await applyToInvoices(
      tx,
      access,
      { kind: p.source, id: p.id, customerId: row.customer_id, currency, unappliedMinor: Number(row.unapplied_minor) },
      allocations,
      appliedOn,
    );
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: p.source === 'payment' ? 'payments.apply' : 'credits.apply',
        targetType: p.source,
        targetId: p.id,
        details: { appliedOn, allocations: allocations.map((a) => ({ ...a })), unappliedMinor: left },
      },
      tx,
    );
    return { unappliedMinor: left };
  });
}
