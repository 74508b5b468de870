import 'server-only';
import { prisma } from '@/lib/db/client';
import { AGEABLE_STATUSES, ageInvoices, daysPastDue } from '@/lib/aging/age-invoices';
import { bucketsOf, type AgingScheme } from '@/lib/aging/scheme';
import { billingAddressLines } from '@/lib/customers/billing-address-lines';
import type { StatementCriteria } from './statement-criteria';
import type { StatementSnapshot } from './statement-snapshot';

export interface PreparedStatement {
  customerId: string;
  customerName: string;
  email: string | null;
  totalMinor: number;
  locationIds: string[];
  snapshot: StatementSnapshot;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The statements a run would write for these customers, read in two queries for the whole batch: each
 * customer's open invoices in the criteria's currency and locations, aged by the company's scheme. Customers
 * with nothing open are left out.
 */
export async function prepareStatements(c: StatementCriteria, scheme: AgingScheme, customerIds: string[]): Promise<PreparedStatement[]> {
  const [customers, invoices] = await Promise.all([
    prisma.customer.findMany({ where: { companyId: c.companyId, id: { in: customerIds } } }),
    prisma.invoice.findMany({
      where: {
        companyId: c.companyId, customerId: { in: customerIds }, currency: c.currency, status: { in: [...AGEABLE_STATUSES] }, balanceMinor: { gt: 0 },
        ...(c.locationFilter ? { locationId: { in: c.locationFilter } } : {}),
      },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      select: { id: true, customerId: true, number: true, invoiceDate: true, dueDate: true, amountMinor: true, balanceMinor: true, locationId: true },
    }),
  ]);
  const byCustomer = new Map<string, typeof invoices>();
  for (const i of invoices) byCustomer.set(i.customerId, [...(byCustomer.get(i.customerId) ?? []), i]);
  const customerById = new Map(customers.map((x) => [x.id, x]));
  const buckets = bucketsOf(scheme);
  return customerIds.flatMap((id) => {
    const customer = customerById.get(id);
    const open = byCustomer.get(id);
    if (!customer || !open) return [];
    const lines = open.map((i) => ({
      id: i.id, number: i.number, invoiceDate: isoDate(i.invoiceDate), dueDate: isoDate(i.dueDate),
      amountMinor: Number(i.amountMinor), balanceMinor: Number(i.balanceMinor),
    }));
    const aging = ageInvoices(lines.map((l) => ({ ...l, status: 'open' })), scheme, c.asOf);
    return [{
      customerId: id,
      customerName: customer.name,
      email: customer.email,
      totalMinor: aging.total,
      locationIds: [...new Set(open.map((i) => i.locationId))],
      snapshot: {
        customer: { name: customer.name, email: customer.email, addressLines: billingAddressLines(customer) },
        buckets: buckets.map((b) => ({ key: b.key, label: b.label, amountMinor: aging.amounts[b.key] ?? 0 })),
        invoices: lines.map((l) => ({ ...l, daysPastDue: daysPastDue(l.dueDate, c.asOf) })),
      },
    }];
  });
}
