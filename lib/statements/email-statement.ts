import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { kickOutbox } from '@/lib/email/outbox-sender';
import { getVisibleStatementIds } from './get-visible-statement-ids';
import { statementEmail } from './statement-email';
import { permittedLocations } from '@/lib/auth/can';

/**
 * Queues a stored statement to the customer's current email address. Needs invoices.modify on every location
 * the statement covers, like generating it did.
 */
export async function emailStatement(access: CompanyAccess, statementId: string): Promise<{ emailId: string; to: string }> {
  await getVisibleStatementIds(access, { statementId });
  const companyId = access.company.id;
  const statement = await prisma.invoiceStatement.findFirst({
    where: { companyId, id: statementId },
    select: {
      id: true,
      asOf: true,
      currency: true,
      totalMinor: true,
      locationIds: true,
      customer: { select: { name: true, email: true } },
    },
  });
  if (!statement) throw notFound('Statement');
  const modify = new Set(permittedLocations(access, 'invoices.modify'));
  if (!statement.locationIds.every((id) => modify.has(id))) {
    throw new AppError('FORBIDDEN', 'Emailing this statement needs the invoices.modify permission on its locations.');
  }
  const to = statement.customer.email;
  if (!to) throw new AppError('BAD_REQUEST', `${statement.customer.name} has no email address.`, [{ path: 'email', message: 'Missing' }]);
  const company = await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true, remitTo: true } });
  const mail = statementEmail({
    companyName: company.name,
    customerName: statement.customer.name,
    asOf: calendarDateOf(statement.asOf),
    totalMinor: Number(statement.totalMinor),
    currency: statement.currency,
    remitTo: company.remitTo,
  });
  const email = await prisma.$transaction(async (tx) => {
    const queued = await enqueueEmail(tx, { companyId, statementId, to, ...mail, createdBy: access.userId });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'statements.email',
        targetType: 'statement',
        targetId: statementId,
        details: { to, emailId: queued.id },
      },
      tx,
    );
    return queued;
  });
  kickOutbox();
  return { emailId: email.id, to };
}
