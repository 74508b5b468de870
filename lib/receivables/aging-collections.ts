import 'server-only';
import { prisma } from '@/lib/db/client';
import { PLAN_CACHED } from '@/lib/db/plan-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { activeHoldSql } from '@/lib/collections/active-hold-sql';
import { promiseStateSql } from '@/lib/collections/promise-state-sql';

/** The aging grid's collections filters (absent: no filter). */
export interface AgingCollectionsFilter {
  /** No contact by a person in this many days (or never). */
  notContactedDays?: number;
  /** A promise broken or partly kept and not followed up yet. */
  brokenPromise?: boolean;
  /** An active hold or dispute on the customer or one of its invoices. */
  onHold?: boolean;
}

/** A customer's collections status as the aging grid shows it: today's, whatever the as-of date. */
export interface AgingCollections {
  lastContactAt: string | null;
  lastContactKind: string | null;
  nextAction: string | null;
  nextActionOn: CalendarDate | null;
  /** The latest promise still pending, or broken or partly kept and not followed up. */
  promise: { id: string; state: 'pending' | 'broken' | 'partly_kept'; amountMinor: number; currency: string; promisedOn: CalendarDate } | null;
  /** The active hold to show (a dispute before a hold, then the latest), and how many are active. */
  hold: { kind: 'dispute' | 'hold'; reason: string; endsOn: CalendarDate | null; invoiceId: string | null; count: number } | null;
}

export const NO_COLLECTIONS: AgingCollections = {
  lastContactAt: null,
  lastContactKind: null,
  nextAction: null,
  nextActionOn: null,
  promise: null,
  hold: null,
};

export function hasCollectionsFilter(f: AgingCollectionsFilter): boolean {
  return f.notContactedDays !== undefined || Boolean(f.brokenPromise) || Boolean(f.onHold);
}

/** A promise of customer `c` that broke (or was partly kept) and nobody followed up: the worklist's rule. */
function brokenPromiseSql(today: CalendarDate): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM payment_promises p WHERE p.company_id = c.company_id AND p.customer_id = c.id
    AND p.followed_up_at IS NULL AND p.promised_on < ${today}::date AND ${promiseStateSql(today, 'p')} IN ('broken', 'partly_kept'))`;
}

/** The start of the day `days` before today in the company's time zone: a contact since then is recent. */
function contactCutoff(days: number, today: CalendarDate, timeZone: string): Prisma.Sql {
  return Prisma.sql`((${today}::date - ${Prisma.raw(String(Math.trunc(days)))})::timestamp AT TIME ZONE ${timeZone})`;
}
/** Customers `c` with no contact since `cutoff` (or none ever), and the opposite. */
const notContactedSince = (cutoff: Prisma.Sql) => Prisma.sql`(c.last_contact_at IS NULL OR c.last_contact_at < ${cutoff})`;
const contactedSince = (cutoff: Prisma.Sql) => Prisma.sql`c.last_contact_at >= ${cutoff}`;

/** The filters as one condition on customers `c`, or null when none is set. */
export function collectionsFilterSql(f: AgingCollectionsFilter, today: CalendarDate, timeZone: string): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  if (f.notContactedDays !== undefined) {
    parts.push(notContactedSince(contactCutoff(f.notContactedDays, today, timeZone)));
  }
  if (f.brokenPromise) parts.push(brokenPromiseSql(today));
  if (f.onHold) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM collection_holds h WHERE h.company_id = c.company_id AND h.customer_id = c.id AND ${activeHoldSql(today, 'h')})`,
    );
  }
  return parts.length ? Prisma.join(parts, ' AND ') : null;
}

/**
 * The customers the filters leave out, as a condition on customers `c`, when the aging page is cheaper read as
 * the running totals less them (AgingPageQuery.filteredOut), else null. Only "not contacted in N days" on its
 * own has an opposite that one index range finds (customers_last_contact_idx). It pays when fewer customers
 * were contacted since than not, weighed by the share of the company's locations in scope (`locationIds`,
 * null: all): the invoice aggregate reads only the scope's invoices, the totals less the contacted read all
 * of theirs (as a user limited to 10 of the bench's 50 locations, not contacted in 90 days took 154 ms from
 * the invoices, 299 from the totals). Contacts do not follow locations, so the counts are the company's; the
 * others only up to what decides (counting all 100,000 of the bench's took 30 ms, this 8).
 */
export async function customersFilteredOut(
  companyId: string,
  f: AgingCollectionsFilter,
  today: CalendarDate,
  timeZone: string,
  locationIds: string[] | null,
): Promise<Prisma.Sql | null> {
  if (f.notContactedDays === undefined || f.brokenPromise || f.onHold) return null;
  const cutoff = contactCutoff(f.notContactedDays, today, timeZone);
  const [row] = await prisma.$queryRaw<{ fewer: boolean }[]>`
    WITH contacted AS (SELECT count(*) AS n FROM customers c WHERE c.company_id = ${companyId}::uuid AND ${contactedSince(cutoff)}),
    scope AS (SELECT coalesce(${locationIds?.length ?? null}::float8 / nullif(count(*), 0), 1) AS share FROM locations WHERE company_id = ${companyId}::uuid)
    SELECT n < share * (SELECT count(*) FROM (
        SELECT FROM customers c WHERE c.company_id = ${companyId}::uuid AND ${notContactedSince(cutoff)}
        LIMIT (SELECT floor(n / share)::bigint + 1 FROM contacted, scope)
      ) x) AS fewer
    FROM contacted, scope`;
  return row?.fewer ? contactedSince(cutoff) : null;
}

type Row = {
  id: string;
  last_contact_at: Date | null;
  last_contact_kind: string | null;
  next_action: string | null;
  next_action_on: Date | null;
  promise: AgingCollections['promise'];
  hold: AgingCollections['hold'];
};

/**
 * The collections status of the given customers (a page of the grid, or an export), by id. Holds on invoices in
 * locations the caller may not view (`viewLocationIds`; null: every location) are left out. A statement of its
 * own with a plan each connection keeps: planning these lookups inside the page's statement cost 2 ms a page,
 * more than running them (a fifth of the load benchmark's throughput).
 */
export async function getAgingCollections(
  companyId: string,
  customerIds: string[],
  today: CalendarDate,
  viewLocationIds: string[] | null,
): Promise<Map<string, AgingCollections>> {
  if (customerIds.length === 0) return new Map();
  const holdVisible =
    viewLocationIds === null
      ? Prisma.empty
      : Prisma.sql`AND (h.invoice_id IS NULL OR EXISTS (SELECT 1 FROM invoices hi WHERE hi.company_id = h.company_id AND hi.id = h.invoice_id
          AND hi.location_id = ANY(${viewLocationIds}::uuid[])))`;
  const rows = await prisma.$queryRaw<Row[]>`${PLAN_CACHED}
    SELECT c.id, c.last_contact_at, c.last_contact_kind, c.next_action, c.next_action_on, pr.promise, hd.hold
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT jsonb_build_object('id', pp.id, 'state', st.state, 'amountMinor', pp.amount_minor, 'currency', trim(pp.currency), 'promisedOn', pp.promised_on) AS promise
      FROM payment_promises pp CROSS JOIN LATERAL (SELECT ${promiseStateSql(today, 'pp')} AS state) st
      WHERE pp.company_id = c.company_id AND pp.customer_id = c.id
        AND (st.state = 'pending' OR (st.state IN ('broken', 'partly_kept') AND pp.followed_up_at IS NULL))
      ORDER BY pp.promised_on DESC, pp.created_at DESC, pp.id LIMIT 1
    ) pr ON true
    LEFT JOIN LATERAL (
      SELECT jsonb_build_object('kind', h.kind, 'reason', h.reason, 'endsOn', h.ends_on, 'invoiceId', h.invoice_id, 'count', count(*) OVER ()) AS hold
      FROM collection_holds h
      WHERE h.company_id = c.company_id AND h.customer_id = c.id AND ${activeHoldSql(today, 'h')} ${holdVisible}
      ORDER BY (h.kind = 'dispute') DESC, h.starts_on DESC, h.id LIMIT 1
    ) hd ON true
    WHERE c.company_id = ${companyId}::uuid AND c.id = ANY(${customerIds}::uuid[])`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        lastContactAt: r.last_contact_at ? r.last_contact_at.toISOString() : null,
        lastContactKind: r.last_contact_kind,
        nextAction: r.next_action,
        nextActionOn: r.next_action_on ? calendarDateOf(r.next_action_on) : null,
        promise: r.promise,
        hold: r.hold,
      },
    ]),
  );
}
