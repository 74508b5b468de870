import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import { ageInvoices, daysPastDue } from '@/lib/aging/age-invoices';
import { Prisma } from '@/lib/generated/prisma/client';
import { agedInvoices } from '@/lib/receivables/aging-sql';
import { hasLedgerEntriesAfter } from '@/lib/receivables/has-ledger-entries-after';
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


/**
 * The statements a run would write for these customers, read in two queries for the whole batch: each
 * customer's invoices with a balance on the as-of date in the criteria's currency and locations, aged by the company's scheme. Customers
 * with nothing open are left out.
 */
export async function prepareStatements(c: StatementCriteria, scheme: AgingScheme, customerIds: string[]): Promise<PreparedStatement[]> {
  type Row = { id: string; customer_id: string; number: string; location_id: string; invoice_date: Date; due_date: Date; amount_minor: bigint; bal: bigint };
  const [customers, rows] = await Promise.all([
    prisma.customer.findMany({ where: { companyId: c.companyId, id: { in: customerIds } } }),
    prisma.$queryRaw<Row[]>`
      SELECT x.id, x.customer_id, x.number, x.location_id, x.invoice_date, x.due_date, x.amount_minor, x.bal
      FROM (${agedInvoices({
        asOf: c.asOf, companyId: c.companyId, currency: c.currency, locationIds: c.locationFilter,
        extra: Prisma.sql`AND i.customer_id = ANY(${customerIds}::uuid[])`, historical: await hasLedgerEntriesAfter(c.companyId, c.asOf),
      })}) x
      ORDER BY x.due_date, x.number`,
  ]);
  const invoices = rows.map((r) => ({
    id: r.id, customerId: r.customer_id, number: r.number, locationId: r.location_id, invoiceDate: r.invoice_date, dueDate: r.due_date,
    amountMinor: r.amount_minor, balanceMinor: r.bal,
  }));
  const byCustomer = new Map<string, typeof invoices>();
  for (const i of invoices) byCustomer.set(i.customerId, [...(byCustomer.get(i.customerId) ?? []), i]);
  const customerById = new Map(customers.map((x) => [x.id, x]));
  const buckets = bucketsOf(scheme);
  return customerIds.flatMap((id) => {
    const customer = customerById.get(id);
    const open = byCustomer.get(id);
    if (!customer || !open) return [];
    const lines = open.map((i) => ({
      id: i.id, number: i.number, invoiceDate: calendarDateOf(i.invoiceDate), dueDate: calendarDateOf(i.dueDate),
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
