import { Prisma } from '@/lib/generated/prisma/client';
import type { Bucket } from '@/lib/aging/scheme';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/**
 * The SQL condition that puts an open invoice `i` in `bucket` on `asOf`: the same rules as
 * lib/aging/age-invoices.ts bucketFor (tests/integration/aging-sql-matches-engine.test.ts holds them equal).
 */
export function bucketCondition(bucket: Bucket, asOf: CalendarDate): Prisma.Sql {
  const d = Prisma.sql`${asOf}::date`;
  switch (bucket.kind) {
    case 'pending':
      return Prisma.sql`i.invoice_date > ${d}`;
    case 'current':
      return Prisma.sql`i.invoice_date <= ${d} AND i.due_date >= ${d}`;
    case 'overdue': {
      const lower = Prisma.sql`i.invoice_date <= ${d} AND ${d} - i.due_date >= ${bucket.minDays ?? 1}`;
      return bucket.maxDays === null ? lower : Prisma.sql`${lower} AND ${d} - i.due_date <= ${bucket.maxDays}`;
    }
  }
}

/** `sum(balance) FILTER (...) AS b0, ...` for every bucket, plus the total. */
export function bucketSums(buckets: Bucket[], asOf: CalendarDate): Prisma.Sql {
  const cols = buckets.map(
    (b, i) => Prisma.sql`coalesce(sum(i.balance_minor) FILTER (WHERE ${bucketCondition(b, asOf)}), 0)::bigint AS ${Prisma.raw(`b${i}`)}`,
  );
  return Prisma.join([...cols, Prisma.sql`sum(i.balance_minor)::bigint AS total`], ', ');
}

/** The WHERE clause of every aging aggregate: company, open with a balance, currency, locations. */
export function openInvoiceFilter(companyId: string, currency: string, locationIds: string[]): Prisma.Sql {
  return Prisma.sql`i.company_id = ${companyId}::uuid AND i.status = 'open' AND i.balance_minor > 0
    AND i.currency = ${currency} AND i.location_id = ANY(${locationIds}::uuid[])`;
}

export function toMinor(value: bigint | number | null | undefined): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Amount out of range: ${value}`);
  return n;
}
