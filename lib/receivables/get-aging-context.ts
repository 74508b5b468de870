import 'server-only';
import { prisma } from '@/lib/db/client';
import { PLAN_CACHED } from '@/lib/db/plan-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { agingSchemeSchema, DEFAULT_AGING_SCHEME, type AgingScheme } from '@/lib/aging/scheme';
import { frequencyOf, type BillingFrequency } from '@/lib/aging/billing-frequency';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { unappliedSources } from './aging-sql';
import { ledgerEntriesAfter } from './has-ledger-entries-after';

export interface AgingContext {
  scheme: AgingScheme;
  /** Applications or write-offs are dated after `asOf`, so balances on `asOf` add them back. */
  historical: boolean;
  /** Payments or credits in `currency` received by `asOf` are unapplied on it (false without a currency). */
  withUnapplied: boolean;
  /** The bill source asked for, when it is the company's. */
  billSource: { id: string; name: string } | null;
}

/**
 * What an aging read needs to know before its main statement, in one round trip: the scheme (the bill source's
 * when it has one, else the company's),
 * whether ledger entries are dated after `asOf`, and whether any money in the currency is unapplied on it.
 * The unapplied probe depends on the second answer; both variants are uncorrelated subqueries, which
 * PostgreSQL evaluates only when the CASE reaches them, so the cheap one (the partial unapplied indexes
 * alone) runs whenever nothing is dated later. The statement's plan is cached per connection (generic), which
 * ledgerEntriesAfter is written for.
 */
export async function getAgingContext(
  companyId: string,
  asOf: CalendarDate,
  currency?: string,
  billSourceId: string | null = null,
): Promise<AgingContext> {
  const unapplied = (historical: boolean) =>
    currency ? Prisma.sql`EXISTS (${unappliedSources({ companyId, currency, asOf, historical })})` : Prisma.sql`false`;
  const [row] = await prisma.$queryRaw<
    {
      definition: unknown;
      source_name: string | null;
      frequency: string | null;
      interval_days: number | null;
      historical: boolean;
      with_unapplied: boolean;
    }[]
  >`${PLAN_CACHED}
    WITH later AS (SELECT ${ledgerEntriesAfter(companyId, asOf)} AS h),
    source AS (SELECT name, frequency, interval_days FROM bill_sources WHERE company_id = ${companyId}::uuid AND id = ${billSourceId}::uuid)
    SELECT ${schemeDefinitionSql(companyId, billSourceId)} AS definition,
      (SELECT name FROM source) AS source_name, (SELECT frequency FROM source) AS frequency, (SELECT interval_days FROM source) AS interval_days,
      later.h AS historical,
      CASE WHEN later.h THEN ${unapplied(true)} ELSE ${unapplied(false)} END AS with_unapplied
    FROM later`;
  return {
    scheme: parseScheme(
      companyId,
      row?.definition,
      row?.frequency ? frequencyOf({ frequency: row.frequency, intervalDays: row.interval_days }) : undefined,
    ),
    historical: row?.historical === true,
    withUnapplied: row?.with_unapplied === true,
    billSource: billSourceId && row?.source_name ? { id: billSourceId, name: row.source_name } : null,
  };
}

/** The active scheme's definition: the bill source's own when it has one, else the company's (null: the default). */
export function schemeDefinitionSql(companyId: string, billSourceId: string | null): Prisma.Sql {
  return Prisma.sql`coalesce(
      (SELECT definition FROM aging_schemes WHERE company_id = ${companyId}::uuid AND is_active AND bill_source_id = ${billSourceId}::uuid),
      (SELECT definition FROM aging_schemes WHERE company_id = ${companyId}::uuid AND is_active AND bill_source_id IS NULL))`;
}

/** A stored definition as a scheme (null: the default), with the bill source's billing period when it has one. */
export function parseScheme(companyId: string, definition: unknown, billingFrequency?: BillingFrequency): AgingScheme {
  if (definition === null || definition === undefined) return DEFAULT_AGING_SCHEME;
  const parsed = agingSchemeSchema.safeParse(definition);
  if (!parsed.success) throw new Error(`Company ${companyId} has an invalid aging scheme: ${parsed.error.message}`);
  return billingFrequency ? { ...parsed.data, billingFrequency } : parsed.data;
}
