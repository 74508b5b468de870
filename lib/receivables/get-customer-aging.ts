import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import { bucketsOf } from '@/lib/aging/scheme';
import { bucketFor, daysPastDue } from '@/lib/aging/age-invoices';
import { billingAddressLines } from '@/lib/customers/billing-address-lines';
import { termsOf, type PaymentTerms } from '@/lib/billing/payment-terms';
import { calendarDateOf, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { notFound } from '@/lib/errors/app-error';
import { getAgingContext } from './get-aging-context';
import { agedInvoices, bucketSums, toMinor, unappliedItems } from './aging-sql';
import { locationScope, resolveLocationFilter } from './resolve-location-filter';
import { visibleCustomerWhere } from '@/lib/auth/visible-customers';

const INVOICE_LIMIT = 1000;

export interface CustomerAging {
  customer: {
    id: string;
    name: string;
    email: string | null;
    address: string[];
    defaultLocationId: string | null;
    paymentTerms: PaymentTerms | null;
  };
  asOf: CalendarDate;
  buckets: { key: string; label: string }[];
  /** One summary per currency the customer owes in; never summed across currencies. */
  /** total: the buckets' sum; unapplied: payments and credits not applied on asOf; net: total less unapplied (the aging page's Net total). */
  summaries: { currency: string; amounts: Record<string, number>; total: number; unapplied: number; net: number }[];
  invoices: {
    id: string;
    number: string;
    location: string;
    invoiceDate: CalendarDate;
    dueDate: CalendarDate;
    currency: string;
    amount: number;
    balance: number;
    daysPastDue: number;
    bucket: string;
  }[];
  invoicesTruncated: boolean;
}

interface InvoiceRow {
  id: string;
  number: string;
  location: string;
  invoice_date: Date;
  due_date: Date;
  currency: string;
  amount_minor: bigint;
  bal: bigint;
}

/**
 * A customer's aging in the locations the user may view. A customer of another company, or one with neither a
 * default location nor an invoice the user may see, is not found.
 */
export async function getCustomerAging(access: CompanyAccess, customerId: string, asOfParam?: CalendarDate): Promise<CustomerAging> {
  const companyId = access.company.id;
  const locationIds = resolveLocationFilter(access, []);
  const asOf = asOfParam ?? todayInTimeZone(access.company.timeZone);
  const [customer, { scheme, historical }] = await Promise.all([
    prisma.customer.findFirst({ where: { ...visibleCustomerWhere(access), id: customerId } }),
    getAgingContext(companyId, asOf),
  ]);
  if (!customer) throw notFound('Customer');

  const buckets = bucketsOf(scheme);
  const scope = { buckets, asOf, companyId, currency: null, locationIds, extra: Prisma.sql`AND i.customer_id = ${customerId}::uuid`, historical };
  // Summary and list in one statement, from the same per-invoice balances on `asOf`: one snapshot, so they
  // agree even while payments are being recorded. Each row carries the per-currency sums (amounts as text:
  // exact beyond 2^53) and one invoice; a customer with nothing open gets one row without an invoice.
  const unapplied = unappliedItems({
    companyId,
    currency: null,
    asOf,
    locationIds: locationScope(access, []),
    extra: Prisma.sql`AND p.customer_id = ${customerId}::uuid`,
    historical,
  });
  const rows = await prisma.$queryRaw<
    ({ sums: { currency: string; amounts: string[]; total: string; unapplied: string }[] } & Partial<InvoiceRow>)[]
  >`
    WITH x AS MATERIALIZED (${agedInvoices(scope)}),
    s AS (SELECT currency, ${bucketSums(buckets)} FROM x GROUP BY currency),
    u AS (SELECT currency, sum(amount)::bigint AS unapplied FROM (${unapplied}) q GROUP BY currency)
    SELECT (SELECT coalesce(json_agg(json_build_object('currency', coalesce(s.currency, u.currency),
              'amounts', json_build_array(${Prisma.raw(buckets.map((_, i) => `coalesce(s.b${i}, 0)::text`).join(', '))}),
              'total', coalesce(s.total, 0)::text, 'unapplied', coalesce(u.unapplied, 0)::text)
              ORDER BY coalesce(s.currency, u.currency)), '[]') FROM s FULL JOIN u ON u.currency = s.currency) AS sums, inv.*
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT x.id, x.number, l.name AS location, x.invoice_date, x.due_date, x.currency, x.amount_minor, x.bal
      FROM x JOIN locations l ON l.company_id = ${companyId}::uuid AND l.id = x.location_id
      ORDER BY x.due_date, x.number LIMIT ${INVOICE_LIMIT + 1}
    ) inv ON true
    ORDER BY inv.due_date, inv.number`;
  const sums = rows[0]?.sums ?? [];
  const invoices = rows.filter((r): r is (typeof rows)[number] & InvoiceRow => r.id !== null && r.id !== undefined);

  return {
    customer: {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      address: billingAddressLines(customer),
      defaultLocationId: customer.defaultLocationId,
      paymentTerms: termsOf(customer),
    },
    asOf,
    buckets: buckets.map(({ key, label }) => ({ key, label })),
    summaries: sums.map((s) => ({
      currency: s.currency.trim(),
      amounts: Object.fromEntries(buckets.map((b, i) => [b.key, toMinor(BigInt(s.amounts[i]!))])),
      total: toMinor(BigInt(s.total)),
      unapplied: toMinor(BigInt(s.unapplied)),
      net: toMinor(BigInt(s.total) - BigInt(s.unapplied)),
    })),
    invoices: invoices.slice(0, INVOICE_LIMIT).map((inv) => {
      const invoiceDate = calendarDateOf(inv.invoice_date);
      const dueDate = calendarDateOf(inv.due_date);
      return {
        id: inv.id,
        number: inv.number,
        location: inv.location,
        invoiceDate,
        dueDate,
        currency: inv.currency.trim(),
        amount: toMinor(inv.amount_minor),
        balance: toMinor(inv.bal),
        daysPastDue: Math.max(0, daysPastDue(dueDate, asOf)),
        bucket: bucketFor(buckets, { invoiceDate, dueDate }, asOf).key,
      };
    }),
    invoicesTruncated: invoices.length > INVOICE_LIMIT,
  };
}
