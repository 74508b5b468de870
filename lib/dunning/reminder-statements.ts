import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import type { AgingScheme } from '@/lib/aging/scheme';
import { prepareStatements, type PreparedStatement } from '@/lib/statements/prepare-statements';
import type { StatementCriteria } from '@/lib/statements/statement-criteria';

/** One statement to attach: the customer's, in the currency with the most overdue among the reminder's invoices. */
export type ReminderStatement = PreparedStatement & { currency: string };

export interface StatementWanted {
  customerId: string;
  currency: string;
}

/**
 * Statements add balances as numbers: a customer owing 2^53 minor units or more in one currency (90 trillion
 * dollars) would get rounded totals, so its reminder goes without a statement rather than with a wrong one.
 */
const exact = (s: PreparedStatement): boolean =>
  Number.isSafeInteger(s.totalMinor) && s.snapshot.buckets.every((b) => Number.isSafeInteger(b.amountMinor));

/**
 * The statements a batch of reminder emails attach (see `exact`), read with the statement builder (three queries per
 * currency for the whole batch, every location: the reminder is the company's).
 */
export async function prepareReminderStatements(
  companyId: string,
  asOf: CalendarDate,
  scheme: AgingScheme,
  wanted: StatementWanted[],
): Promise<ReminderStatement[]> {
  const byCurrency = new Map<string, string[]>();
  for (const w of wanted) byCurrency.set(w.currency, [...(byCurrency.get(w.currency) ?? []), w.customerId]);
  const prepared: ReminderStatement[] = [];
  for (const [currency, customerIds] of byCurrency) {
    const criteria: StatementCriteria = {
      companyId,
      mode: 'open',
      thresholdMinor: null,
      locationIds: [],
      locationFilter: null,
      skipRecent: 'none',
      since: null,
      currency,
      customerIds,
      asOf,
      email: true,
      after: null,
    };
    for (const s of await prepareStatements(criteria, scheme, customerIds)) if (exact(s)) prepared.push({ ...s, currency });
  }
  return prepared;
}

/** Inserts the statements in one statement (in the caller's transaction); returns statement id per customer. */
export async function insertReminderStatements(
  tx: Prisma.TransactionClient,
  companyId: string,
  asOf: CalendarDate,
  statements: ReminderStatement[],
): Promise<Map<string, string>> {
  if (statements.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; customer_id: string }[]>`
    INSERT INTO invoice_statements (company_id, customer_id, as_of, currency, total_minor, invoice_count, snapshot, location_ids)
    SELECT ${companyId}::uuid, t.customer_id, ${asOf}::date, t.currency, greatest(t.total, 0), t.n, t.snapshot::jsonb, string_to_array(t.locations, ',')::uuid[]
    FROM unnest(${statements.map((s) => s.customerId)}::uuid[], ${statements.map((s) => s.currency)}::text[],
      ${statements.map((s) => BigInt(s.totalMinor))}::bigint[], ${statements.map((s) => s.snapshot.invoices.length)}::int[],
      ${statements.map((s) => JSON.stringify(s.snapshot))}::text[], ${statements.map((s) => s.locationIds.join(','))}::text[])
      AS t(customer_id, currency, total, n, snapshot, locations)
    RETURNING id, customer_id`;
  return new Map(rows.map((r) => [r.customer_id, r.id]));
}
