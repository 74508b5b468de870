import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AGEABLE_STATUSES } from '@/lib/aging/age-invoices';
import { AppError } from '@/lib/errors/app-error';
import { allocationIssues, statusFromBalance, type Allocation } from './allocation';
import { lockInvoices } from './lock-invoices';

export interface CreditSource {
  kind: 'payment' | 'credit_note';
  id: string;
  customerId: string;
  currency: string;
  unappliedMinor: number;
}

/**
 * Moves money from a locked payment or credit note onto invoices of the same customer and currency, inside the
 * caller's transaction: one application row each, invoice balances and states updated, the source's unapplied
 * amount reduced. Returns what is left unapplied.
 */
export async function applyToInvoices(
  tx: Prisma.TransactionClient,
  access: CompanyAccess,
  source: CreditSource,
  allocations: Allocation[],
  appliedOn: CalendarDate,
): Promise<number> {
  const invoices = await lockInvoices(
    tx,
    access,
    allocations.map((a) => a.invoiceId),
  );
  const balances = new Map(
    [...invoices.values()]
      .filter((i) => i.customer_id === source.customerId && i.currency === source.currency && AGEABLE_STATUSES.includes(i.status))
      .map((i) => [i.id, Number(i.balance_minor)]),
  );
  const issues = allocationIssues(source.unappliedMinor, allocations, balances);
  if (issues.length > 0) {
    throw new AppError('BAD_REQUEST', `Cannot apply: ${issues.map((i) => i.message.toLowerCase()).join('; ')}.`, issues);
  }
  const companyId = access.company.id;
  for (const a of allocations) {
    const invoice = invoices.get(a.invoiceId)!;
    const balance = Number(invoice.balance_minor) - a.amountMinor;
    await tx.application.create({
      data: {
        companyId,
        invoiceId: a.invoiceId,
        amountMinor: BigInt(a.amountMinor),
        appliedOn: new Date(`${appliedOn}T00:00:00Z`),
        createdBy: access.userId,
        ...(source.kind === 'payment' ? { paymentId: source.id } : { creditNoteId: source.id }),
      },
    });
    await tx.invoice.update({
      where: { companyId_id: { companyId, id: a.invoiceId } },
      data: { balanceMinor: BigInt(balance), status: statusFromBalance(Number(invoice.amount_minor), balance, false), updatedAt: new Date() },
    });
  }
  const left = source.unappliedMinor - allocations.reduce((s, a) => s + a.amountMinor, 0);
  const where = { companyId_id: { companyId, id: source.id } };
  if (source.kind === 'payment') await tx.payment.update({ where, data: { unappliedMinor: BigInt(left) } });
  else await tx.creditNote.update({ where, data: { unappliedMinor: BigInt(left) } });
  return left;
}
