import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGEABLE_STATUSES } from '@/lib/aging/age-invoices';
import { notFound } from '@/lib/errors/app-error';
import { suggestAllocation } from './allocation';
import { visibleCustomerWhere } from '@/lib/auth/visible-customers';
import { permittedLocations } from '@/lib/auth/can';

/**
 * What the Apply form needs for a payment or credit note: what it has left, the customer's open invoices in its
 * currency that the user may modify, and the oldest-due-first allocation to start from.
 */
export async function getApplicationForm(access: CompanyAccess, kind: 'payment' | 'credit_note', id: string) {
  if (!z.guid().safeParse(id).success) throw notFound(kind === 'payment' ? 'Payment' : 'Credit note');
  const companyId = access.company.id;
  const source =
    kind === 'payment'
      ? await prisma.payment.findFirst({ where: { companyId, id }, include: { customer: { select: { id: true, name: true } } } })
      : await prisma.creditNote.findFirst({ where: { companyId, id }, include: { customer: { select: { id: true, name: true } } } });
  if (!source) throw notFound(kind === 'payment' ? 'Payment' : 'Credit note');
  const visible = await prisma.customer.count({ where: { ...visibleCustomerWhere(access), id: source.customerId } });
  if (!visible) throw notFound(kind === 'payment' ? 'Payment' : 'Credit note');
  const invoices = await prisma.invoice.findMany({
    where: {
      companyId,
      customerId: source.customerId,
      currency: source.currency,
      status: { in: [...AGEABLE_STATUSES] },
      balanceMinor: { gt: 0 },
      locationId: { in: permittedLocations(access, 'invoices.modify') },
    },
    orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    select: { id: true, number: true, dueDate: true, invoiceDate: true, balanceMinor: true, amountMinor: true },
  });
  const open = invoices.map((i) => ({
    id: i.id,
    number: i.number,
    dueDate: calendarDateOf(i.dueDate),
    invoiceDate: calendarDateOf(i.invoiceDate),
    balanceMinor: Number(i.balanceMinor),
    amountMinor: Number(i.amountMinor),
  }));
  const unapplied = Number(source.unappliedMinor);
  return {
    kind,
    id,
    customer: source.customer,
    currency: source.currency.trim(),
    amountMinor: Number(source.amountMinor),
    unappliedMinor: unapplied,
    date: calendarDateOf('receivedOn' in source ? source.receivedOn : source.issuedOn),
    detail: 'reference' in source ? source.reference : source.reason,
    invoices: open,
    suggested: suggestAllocation(unapplied, open),
  };
}
export type ApplicationForm = Awaited<ReturnType<typeof getApplicationForm>>;
