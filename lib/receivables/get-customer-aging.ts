import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import { bucketsOf } from '@/lib/aging/scheme';
import { AGEABLE_STATUSES, bucketFor, daysPastDue } from '@/lib/aging/age-invoices';
import { calendarDateOf, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { notFound } from '@/lib/errors/app-error';
import { getAgingScheme } from './get-aging-scheme';
import { hasLedgerEntriesAfter } from './has-ledger-entries-after';
import { agedInvoices, bucketSums, toMinor } from './aging-sql';
import { resolveLocationFilter } from './resolve-location-filter';

const INVOICE_LIMIT = 1000;

export interface CustomerAging {
  customer: { id: string; name: string; email: string | null; address: string[] };
  asOf: CalendarDate;
  buckets: { key: string; label: string }[];
  /** One summary per currency the customer owes in; never summed across currencies. */
  summaries: { currency: string; amounts: Record<string, number>; total: number }[];
  invoices: {
    id: string; number: string; location: string; invoiceDate: CalendarDate; dueDate: CalendarDate; currency: string;
    amount: number; balance: number; daysPastDue: number; bucket: string;
  }[];
  invoicesTruncated: boolean;
}

/**
 * A customer's aging in the locations the user may view. A customer of another company, or one with neither a
 * default location nor an invoice the user may see, is not found.
 */
export async function getCustomerAging(access: CompanyAccess, customerId: string, asOfParam?: CalendarDate): Promise<CustomerAging> {
  const companyId = access.company.id;
  const locationIds = resolveLocationFilter(access, []);
  const customer = await prisma.customer.findFirst({
    where: {
      companyId,
      id: customerId,
      OR: [{ defaultLocationId: { in: locationIds } }, { invoices: { some: { locationId: { in: locationIds } } } }],
    },
  });
  if (!customer) throw notFound('Customer');

  const asOf = asOfParam ?? todayInTimeZone(access.company.timeZone);
  const buckets = bucketsOf(await getAgingScheme(companyId));
  const [sums, invoices] = await Promise.all([
    prisma.$queryRaw<Record<string, bigint | string>[]>`
      SELECT currency, ${bucketSums(buckets)}
      FROM (${agedInvoices({ buckets, asOf, companyId, currency: null, locationIds, extra: Prisma.sql`AND i.customer_id = ${customerId}::uuid`, historical: await hasLedgerEntriesAfter(companyId, asOf) })}) x
      GROUP BY currency ORDER BY currency`,
    prisma.invoice.findMany({
      where: { companyId, customerId, status: { in: [...AGEABLE_STATUSES] }, balanceMinor: { gt: 0 }, locationId: { in: locationIds } },
      include: { location: { select: { name: true } } },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      take: INVOICE_LIMIT + 1,
    }),
  ]);

  return {
    customer: {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      address: [
        customer.addressLine1, customer.addressLine2,
        [[customer.city, customer.region].filter(Boolean).join(', '), customer.postalCode].filter(Boolean).join(' '), customer.country,
      ].filter((s): s is string => Boolean(s)),
    },
    asOf,
    buckets: buckets.map(({ key, label }) => ({ key, label })),
    summaries: sums.map((s) => ({
      currency: String(s.currency),
      amounts: Object.fromEntries(buckets.map((b, i) => [b.key, toMinor(s[`b${i}`] as bigint)])),
      total: toMinor(s.total as bigint),
    })),
    invoices: invoices.slice(0, INVOICE_LIMIT).map((inv) => {
      const invoiceDate = calendarDateOf(inv.invoiceDate);
      const dueDate = calendarDateOf(inv.dueDate);
      return {
        id: inv.id,
        number: inv.number,
        location: inv.location.name,
        invoiceDate,
        dueDate,
        currency: inv.currency,
        amount: toMinor(inv.amountMinor),
        balance: toMinor(inv.balanceMinor),
        daysPastDue: Math.max(0, daysPastDue(dueDate, asOf)),
        bucket: bucketFor(buckets, { invoiceDate, dueDate }, asOf).key,
      };
    }),
    invoicesTruncated: invoices.length > INVOICE_LIMIT,
  };
}
