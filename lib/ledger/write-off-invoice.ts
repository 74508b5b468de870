import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGEABLE_STATUSES } from '@/lib/aging/age-invoices';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { statusFromBalance } from './allocation';
import { amountField, amountMinor, calendarDateField, WRITE_OFF_REASONS } from './ledger-input';
import { lockInvoices } from './lock-invoices';

export const writeOffSchema = z.object({
  invoiceId: z.guid('Invoice must be an id'),
  /** Part of the balance; omitted means all of it. */
  amount: amountField('Amount').optional(),
  reason: z.enum(WRITE_OFF_REASONS, `Reason must be one of ${WRITE_OFF_REASONS.join(', ')}`),
  description: z.string('Description is required').trim().min(1, 'Description is required').max(500, 'Description must be at most 500 characters'),
  writtenOffOn: calendarDateField('Write-off date').optional(),
});

/** Writes off part or all of an invoice's balance; writing off the rest closes it as written off. */
export async function writeOffInvoice(access: CompanyAccess, input: unknown): Promise<{ writeOffId: string; balanceMinor: number; status: string }> {
  const p = parseOrThrow(writeOffSchema, input);
  const today = todayInTimeZone(access.company.timeZone);
  const on = p.writtenOffOn ?? today;
  if (on > today) throw new AppError('BAD_REQUEST', 'Write-off date cannot be in the future.', [{ path: 'writtenOffOn', message: 'In the future' }]);
  const companyId = access.company.id;
  return prisma.$transaction(async (tx) => {
    const invoice = (await lockInvoices(tx, access, [p.invoiceId])).get(p.invoiceId)!;
    const balance = Number(invoice.balance_minor);
    if (!AGEABLE_STATUSES.includes(invoice.status) || balance === 0) {
      throw new AppError('BAD_REQUEST', `Invoice ${invoice.number} has no balance to write off.`, [{ path: 'invoiceId', message: 'Nothing owed' }]);
    }
    let amount = balance;
    if (p.amount !== undefined) {
      const parsed = amountMinor(p.amount, invoice.currency, 'amount');
      if (!parsed.ok) throw new AppError('BAD_REQUEST', `Amount: ${parsed.issue.message}`, [parsed.issue]);
      if (parsed.minor > balance)
        throw new AppError('BAD_REQUEST', 'Amount: More than the invoice balance.', [{ path: 'amount', message: 'More than the invoice balance' }]);
      amount = parsed.minor;
    }
    const left = balance - amount;
    const status = statusFromBalance(Number(invoice.amount_minor), left, true);
    const writeOff = await tx.writeOff.create({
      data: {
        companyId,
        invoiceId: invoice.id,
        amountMinor: BigInt(amount),
        writtenOffOn: new Date(`${on}T00:00:00Z`),
        reason: p.reason,
        description: p.description,
        createdBy: access.userId,
      },
      select: { id: true },
    });
    await tx.invoice.update({
      where: { companyId_id: { companyId, id: invoice.id } },
      data: { balanceMinor: BigInt(left), status, updatedAt: new Date() },
    });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'invoices.write_off',
        targetType: 'invoice',
        targetId: invoice.id,
        details: { amountMinor: amount, reason: p.reason, description: p.description, writtenOffOn: on, balanceMinor: left },
      },
      tx,
    );
    return { writeOffId: writeOff.id, balanceMinor: left, status };
  });
}
