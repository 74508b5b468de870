import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';

/** A customer's draft invoices in locations the user may view: not yet posted, so they neither age nor show elsewhere. */
export async function listDraftInvoices(access: CompanyAccess, customerId: string) {
  const drafts = await prisma.invoice.findMany({
    where: { companyId: access.company.id, customerId, status: 'draft', locationId: { in: access.viewLocations.map((l) => l.id) } },
    orderBy: [{ invoiceDate: 'asc' }, { number: 'asc' }],
    select: { id: true, number: true, invoiceDate: true, dueDate: true, currency: true, amountMinor: true, location: { select: { name: true } } },
    take: 200,
  });
  return drafts.map((d) => ({
    id: d.id,
    number: d.number,
    invoiceDate: calendarDateOf(d.invoiceDate),
    dueDate: calendarDateOf(d.dueDate),
    currency: d.currency,
    amountMinor: Number(d.amountMinor),
    location: d.location.name,
  }));
}
