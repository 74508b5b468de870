import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import { ageInvoices, daysPastDue } from '@/lib/aging/age-invoices';
import { Prisma } from '@/lib/generated/prisma/client';
import { agedInvoices, unappliedItems } from '@/lib/receivables/aging-sql';
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
 * The statements a run would write for these customers, read in three queries for the whole batch: each
 * customer's invoices with a balance on the as-of date in the criteria's currency and locations, aged by the
 * company's scheme, and the payments and credits unapplied on that date, which the total due is net of (as
 * the aging page's Net total). Customers with nothing open are left out.
 */
export async function prepareStatements(c: StatementCriteria, scheme: AgingScheme, customerIds: string[]): Promise<PreparedStatement[]> {
  type Row = {
    id: string;
    customer_id: string;
    number: string;
    location_id: string;
    invoice_date: Date;
    due_date: Date;
    amount_minor: bigint;
    bal: bigint;
  };
  type Credit = { customer_id: string; kind: 'payment' | 'credit_note'; source_id: string; dated: Date; detail: string; amount: bigint };
  const historical = await hasLedgerEntriesAfter(c.companyId, c.asOf);
  const ofBatch = Prisma.sql`AND p.customer_id = ANY(${customerIds}::uuid[])`;
  const [customers, rows, credits] = await Promise.all([
    prisma.customer.findMany({ where: { companyId: c.companyId, id: { in: customerIds } } }),
    prisma.$queryRaw<Row[]>`
      SELECT x.id, x.customer_id, x.number, x.location_id, x.invoice_date, x.due_date, x.amount_minor, x.bal
      FROM (${agedInvoices({
        asOf: c.asOf,
        companyId: c.companyId,
        currency: c.currency,
        locationIds: c.locationFilter,
        extra: Prisma.sql`AND i.customer_id = ANY(${customerIds}::uuid[])`,
        historical,
      })}) x
      ORDER BY x.due_date, x.number`,
    // The unapplied money the aging page nets for these customers on that date, in the same scope.
    prisma.$queryRaw<Credit[]>`
      SELECT * FROM (${unappliedItems({ companyId: c.companyId, currency: c.currency, asOf: c.asOf, locationIds: c.locationFilter, extra: ofBatch, historical })}) u
      ORDER BY u.dated, u.source_id`,
  ]);
  const creditsOf = new Map<string, StatementSnapshot['unapplied']>();
  for (const u of credits) {
    const item = { kind: u.kind, id: u.source_id, date: calendarDateOf(u.dated), detail: u.detail, amountMinor: Number(u.amount) };
    creditsOf.set(u.customer_id, [...(creditsOf.get(u.customer_id) ?? []), item]);
  }
  const invoices = rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    locationId: r.location_id,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    amountMinor: r.amount_minor,
    balanceMinor: r.bal,
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
      id: i.id,
      number: i.number,
      invoiceDate: calendarDateOf(i.invoiceDate),
      dueDate: calendarDateOf(i.dueDate),
      amountMinor: Number(i.amountMinor),
      balanceMinor: Number(i.balanceMinor),
    }));
    const aging = ageInvoices(
      lines.map((l) => ({ ...l, status: 'open' })),
      scheme,
      c.asOf,
    );
    const unapplied = creditsOf.get(id) ?? [];
    return [
      {
        customerId: id,
        customerName: customer.name,
        email: customer.email,
        totalMinor: aging.total - unapplied.reduce((sum, u) => sum + u.amountMinor, 0),
        locationIds: [...new Set(open.map((i) => i.locationId))],
        snapshot: {
          customer: { name: customer.name, email: customer.email, addressLines: billingAddressLines(customer) },
          buckets: buckets.map((b) => ({ key: b.key, label: b.label, amountMinor: aging.amounts[b.key] ?? 0 })),
          invoices: lines.map((l) => ({ ...l, daysPastDue: daysPastDue(l.dueDate, c.asOf) })),
          unapplied,
        },
      },
    ];
  });
}
