import 'server-only';
import { prisma } from '@/lib/db/client';
import { PLAN_CACHED } from '@/lib/db/plan-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { agingSchemeSchema, DEFAULT_AGING_SCHEME, type AgingScheme } from '@/lib/aging/scheme';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { unappliedSources } from './aging-sql';
import { ledgerEntriesAfter } from './has-ledger-entries-after';

export interface AgingContext {
  scheme: AgingScheme;
  /** Applications or write-offs are dated after `asOf`, so balances on `asOf` add them back. */
  historical: boolean;
  /** Payments or credits in `currency` received by `asOf` are unapplied on it (false without a currency). */
  withUnapplied: boolean;
}

/**
 * What an aging read needs to know before its main statement, in one round trip: the company's scheme,
 * whether ledger entries are dated after `asOf`, and whether any money in the currency is unapplied on it.
 * The unapplied probe depends on the second answer; both variants are uncorrelated subqueries, which
 * PostgreSQL evaluates only when the CASE reaches them, so the cheap one (the partial unapplied indexes
 * alone) runs whenever nothing is dated later. The statement's plan is cached per connection (generic), which
 * ledgerEntriesAfter is written for.
 */
export async function getAgingContext(companyId: string, asOf: CalendarDate, currency?: string): Promise<AgingContext> {
  const unapplied = (historical: boolean) =>
    currency ? Prisma.sql`EXISTS (${unappliedSources({ companyId, currency, asOf, historical })})` : Prisma.sql`false`;
  const [row] = await prisma.$queryRaw<{ definition: unknown; historical: boolean; with_unapplied: boolean }[]>`${PLAN_CACHED}
    WITH later AS (SELECT ${ledgerEntriesAfter(companyId, asOf)} AS h)
    SELECT (SELECT definition FROM aging_schemes WHERE company_id = ${companyId}::uuid AND is_active LIMIT 1) AS definition,
      later.h AS historical,
      CASE WHEN later.h THEN ${unapplied(true)} ELSE ${unapplied(false)} END AS with_unapplied
    FROM later`;
  return {
    scheme: parseScheme(companyId, row?.definition),
    historical: row?.historical === true,
    withUnapplied: row?.with_unapplied === true,
  };
}

export function parseScheme(companyId: string, definition: unknown): AgingScheme {
  if (definition === null || definition === undefined) return DEFAULT_AGING_SCHEME;
  const parsed = agingSchemeSchema.safeParse(definition);
  if (!parsed.success) throw new Error(`Company ${companyId} has an invalid aging scheme: ${parsed.error.message}`);
  return parsed.data;
}
