import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { z } from 'zod';
import { AppError, notFound } from '@/lib/errors/app-error';
import { lockInvoices } from './lock-invoices';

const TRANSITIONS: readonly string[] = ['post', 'void', 'archive'];
export type Transition = 'post' | 'void' | 'archive';

/**
 * The lifecycle moves that are not money: post a draft (it opens and starts to age), void an invoice nothing
 * was applied to, archive a settled one. Anything else is refused with the reason.
 */
export async function changeInvoiceState(access: CompanyAccess, invoiceId: string, transition: Transition): Promise<{ status: string }> {
  // The types end at the network: an action or route can be posted any transition and any id.
  if (!TRANSITIONS.includes(transition)) {
    throw new AppError('BAD_REQUEST', 'Transition must be post, void or archive.', [{ path: 'transition', message: 'Unknown transition' }]);
  }
  if (typeof invoiceId !== 'string' || !z.guid().safeParse(invoiceId).success) throw notFound('Invoice');
  const companyId = access.company.id;
  return prisma.$transaction(async (tx) => {
    const invoice = (await lockInvoices(tx, access, [invoiceId])).get(invoiceId)!;
    let status: string;
    if (transition === 'post') {
      if (invoice.status !== 'draft') throw new AppError('CONFLICT', `Invoice ${invoice.number} is already posted.`);
      status = 'open';
    } else if (transition === 'void') {
      const [applied, writtenOff] = await Promise.all([
        tx.application.count({ where: { companyId, invoiceId } }),
        tx.writeOff.count({ where: { companyId, invoiceId } }),
      ]);
      if (applied + writtenOff > 0)
        throw new AppError('CONFLICT', `Invoice ${invoice.number} has payments, credits or write-offs applied: it cannot be voided.`);
      if (invoice.status === 'void' || invoice.status === 'archived') {
        throw new AppError('CONFLICT', `Invoice ${invoice.number} is ${invoice.status}: it cannot be voided.`);
      }
      status = 'void';
    } else {
      if (!['paid', 'written_off', 'void'].includes(invoice.status))
        throw new AppError(
          'CONFLICT',
          `Only paid, written-off or void invoices can be archived; ${invoice.number} is ${invoice.status.replace('_', ' ')}.`,
        );
      status = 'archived';
    }
    await tx.invoice.update({
      where: { companyId_id: { companyId, id: invoiceId } },
      data: { status, ...(status === 'void' ? { balanceMinor: 0n } : {}), updatedAt: new Date() },
    });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: `invoices.${transition}`,
        targetType: 'invoice',
        targetId: invoiceId,
        details: { from: invoice.status, to: status },
      },
      tx,
    );
    return { status };
  });
}
