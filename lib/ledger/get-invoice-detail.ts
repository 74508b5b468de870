import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { notFound } from '@/lib/errors/app-error';
import { can } from '@/lib/auth/can';

export interface InvoiceHistoryEntry {
  kind: 'payment' | 'credit_note' | 'write_off';
  date: string;
  amountMinor: number;
  /** Payment reference, credit note reason, or write-off reason and description. */
  detail: string;
  method: string | null;
  /** For a payment: every invoice it was applied to (numbers). */
  appliedTo: string[];
  by: string | null;
  at: Date;
}

/** An invoice with its lines and money history, if the user may view its location. */
export async function getInvoiceDetail(access: CompanyAccess, invoiceId: string) {
  if (!z.guid().safeParse(invoiceId).success) throw notFound('Invoice');
  const companyId = access.company.id;
  const invoice = await prisma.invoice.findFirst({
    where: { companyId, id: invoiceId, locationId: { in: access.viewLocations.map((l) => l.id) } },
    include: {
      customer: { select: { id: true, name: true } },
      location: { select: { name: true } },
      billSource: { select: { name: true } },
      lines: { orderBy: { position: 'asc' } },
      applications: {
        include: {
          payment: { include: { applications: { include: { invoice: { select: { number: true } } } } } },
          creditNote: true,
        },
      },
      writeOffs: true,
    },
  });
  if (!invoice) throw notFound('Invoice');
  const userIds = [
    ...new Set([...invoice.applications.map((a) => a.createdBy), ...invoice.writeOffs.map((w) => w.createdBy)].filter((x): x is string => !!x)),
  ];
  const users = new Map(
    (await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const history: InvoiceHistoryEntry[] = [
    ...invoice.applications.map((a): InvoiceHistoryEntry => ({
      kind: a.payment ? 'payment' : 'credit_note',
      date: calendarDateOf(a.appliedOn),
      amountMinor: Number(a.amountMinor),
      detail: a.payment ? a.payment.reference : (a.creditNote?.reason ?? ''),
      method: a.payment?.method ?? null,
      appliedTo: a.payment ? [...new Set(a.payment.applications.map((x) => x.invoice.number))] : [invoice.number],
      by: a.createdBy ? (users.get(a.createdBy) ?? null) : null,
      at: a.createdAt,
    })),
    ...invoice.writeOffs.map((w): InvoiceHistoryEntry => ({
      kind: 'write_off',
      date: calendarDateOf(w.writtenOffOn),
      amountMinor: Number(w.amountMinor),
      detail: `${w.reason.replace('_', ' ')}: ${w.description}`,
      method: null,
      appliedTo: [invoice.number],
      by: w.createdBy ? (users.get(w.createdBy) ?? null) : null,
      at: w.createdAt,
    })),
  ].sort((a, b) => (a.date === b.date ? a.at.getTime() - b.at.getTime() : a.date < b.date ? -1 : 1));
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    customer: invoice.customer,
    locationName: invoice.location.name,
    billSourceName: invoice.billSource?.name ?? null,
    canModify: can(access, 'invoices.modify', invoice.locationId),
    invoiceDate: calendarDateOf(invoice.invoiceDate),
    dueDate: calendarDateOf(invoice.dueDate),
    currency: invoice.currency,
    amountMinor: Number(invoice.amountMinor),
    balanceMinor: Number(invoice.balanceMinor),
    lines: invoice.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity.toString(),
      unitPriceMinor: Number(l.unitPriceMinor),
      lineTotalMinor: Number(l.lineTotalMinor),
    })),
    history,
  };
}
export type InvoiceDetail = Awaited<ReturnType<typeof getInvoiceDetail>>;
