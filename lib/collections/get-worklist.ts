import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { calendarDateOf, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { can, seesEveryLocation } from '@/lib/auth/can';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { visibleCustomerSql } from '@/lib/auth/visible-customers';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { toMinor } from '@/lib/receivables/aging-sql';
import { customersCollectedBySql, customersWithoutCollectorSql, effectiveCollectorSql } from './effective-collector-sql';
import { overdueByCustomerSql } from './money-at-risk-sql';
import { ensureCustomerRisk } from './refresh-customer-risk';
import { worklistDetailSql, worklistItemsSql } from './worklist-items-sql';
import { worklistParamsSchema, type WorklistScope, type WorklistType } from './worklist-params';

export interface WorklistItem {
  type: WorklistType;
  /** What completing clears: the customer id (next action, newly overdue), else the promise, hold or reminder id. */
  id: string;
  customer: { id: string; name: string };
  /** Whose item it is: the customer's collector (a task: its assignee); null when nobody's. */
  collector: { id: string; name: string } | null;
  dueOn: CalendarDate;
  /** The customer's overdue open balance per currency, with its money at risk (minor units). */
  overdue: { currency: string; overdueMinor: number; riskMinor: number }[];
  /** Money at risk summed over currencies: a ranking score, not an amount to show without its currencies. */
  riskScore: number;
  detail: Record<string, unknown>;
}

export interface Worklist {
  today: CalendarDate;
  scope: WorklistScope;
  type: WorklistType | null;
  collectorId: string | null;
  items: WorklistItem[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}

type Row = {
  n: number;
  type: WorklistType | null;
  item_id: string;
  customer_id: string;
  customer_name: string;
  due_on: Date;
  owner: string | null;
  owner_name: string | null;
  detail: Record<string, unknown>;
  overdue: { currency: string; overdueMinor: number; riskMinor: number }[];
  risk: bigint;
};

/** Items whose owner is `userId`: tasks assigned to them, and the items of customers they collect. */
function ownedBySql(co: Prisma.Sql, userId: string): Prisma.Sql {
  return Prisma.sql`(it.type = 'task' AND it.task_owner = ${userId}::uuid)
    OR (it.type <> 'task' AND it.customer_id IN (${customersCollectedBySql(co, userId)}))`;
}

/**
 * What is due today for the caller, ordered by money at risk (largest first): items of customers they may see,
 * by default their own (a manager: everyone's). Non-managers choose between their own and unassigned items;
 * managers may also see everyone's, or one collector's. Amounts count only invoices in locations the caller
 * may view.
 */
export async function getWorklist(access: CompanyAccess, input: unknown, now: Date = new Date()): Promise<Worklist> {
  const p = parseOrThrow(worklistParamsSchema, input);
  const manager = can(access, 'company.manage');
  const scope: WorklistScope = p.scope ?? (manager ? 'everyone' : 'mine');
  if (!manager && (scope === 'everyone' || p.collectorId)) {
    throw new AppError('FORBIDDEN', "Only managers can see other collectors' items.", [
      { path: p.collectorId ? 'collectorId' : 'scope', message: 'Managers only' },
    ]);
  }
  if (access.viewLocations.length === 0) throw new AppError('FORBIDDEN', 'You have no permission to view invoices in any location of this company.');
  const companyId = access.company.id;
  const today = todayInTimeZone(access.company.timeZone, now);
  const co = Prisma.sql`${companyId}::uuid`;
  const owner =
    p.collectorId !== undefined
      ? ownedBySql(co, p.collectorId)
      : scope === 'mine'
        ? ownedBySql(co, access.userId)
        : scope === 'unassigned'
          ? // A task nobody is assigned to is for managers.
            Prisma.sql`(it.type = 'task' AND it.task_owner IS NULL AND ${manager})
              OR (it.type <> 'task' AND it.customer_id IN (${customersWithoutCollectorSql(co)}))`
          : Prisma.sql`true`;
  const type = p.type ? Prisma.sql`AND it.type = ${p.type}` : Prisma.empty;
  const offset = (p.page - 1) * p.perPage;
  const locationIds = seesEveryLocation(access) ? null : access.viewLocations.map((l) => l.id);
  // Who sees every location sees every customer; others see an item when they may see its customer.
  const visible =
    locationIds === null
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM customers c WHERE c.company_id = ${co} AND c.id = it.customer_id AND ${visibleCustomerSql(access, 'c')})`;
  // The order: each customer's money at risk in the day's snapshot, over the locations the caller may view. Joined
  // whole (by hash): a probe per item cost 250 ms for the bench's 35,000 items.
  const ranks =
    locationIds === null
      ? Prisma.sql`SELECT t.customer_id, t.risk_minor AS rank FROM customer_risk_totals t WHERE t.company_id = ${co}`
      : Prisma.sql`SELECT cr.customer_id, sum(cr.risk_minor) AS rank FROM customer_risk cr
          WHERE cr.company_id = ${co} AND cr.location_id = ANY(${locationIds}::uuid[]) GROUP BY cr.customer_id`;
  await ensureCustomerRisk(companyId, today, now);
  // Items are filtered and ranked by customer id alone; customers are read for the page's rows only (reading
  // each item's customer cost 250 ms for the bench's 35,000 items). The page is taken among the first rows by
  // rank and date with their ties, so the customer's name still breaks the ties.
  const items = { companyId, timeZone: access.company.timeZone, today };
  const rows = await prisma.$queryRaw<Row[]>`
    WITH items AS MATERIALIZED (${worklistItemsSql(items)}),
    f AS MATERIALIZED (SELECT it.* FROM items it WHERE (${owner}) ${visible} ${type}),
    top AS MATERIALIZED (
      SELECT f.*, coalesce(rk.rank, 0) AS rank FROM f LEFT JOIN (${ranks}) rk ON rk.customer_id = f.customer_id
      ORDER BY rank DESC, due_on FETCH FIRST (${offset + p.perPage}::int) ROWS WITH TIES
    ),
    pg AS MATERIALIZED (
      SELECT top.*, c.name AS customer_name, CASE WHEN top.type = 'task' THEN top.task_owner ELSE ${effectiveCollectorSql('c')} END AS owner
      FROM top JOIN customers c ON c.company_id = ${co} AND c.id = top.customer_id
      ORDER BY top.rank DESC, top.due_on, c.name, top.customer_id, top.type, top.item_id
      OFFSET ${offset} LIMIT ${p.perPage}
    ),
    -- The amounts shown: live, for the page's customers only, so a payment since the snapshot shows at once.
    m AS MATERIALIZED (${overdueByCustomerSql({ companyId, asOf: today, locationIds, customers: Prisma.sql`SELECT DISTINCT customer_id FROM pg` })}),
    r AS (
      SELECT customer_id, sum(risk)::bigint AS risk,
        jsonb_agg(jsonb_build_object('currency', trim(currency), 'overdueMinor', overdue, 'riskMinor', risk) ORDER BY currency) AS overdue
      FROM m GROUP BY customer_id
    )
    SELECT (SELECT count(*)::int FROM f) AS n, pp.* FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT pg.type, pg.item_id, pg.customer_id, pg.customer_name, pg.due_on, pg.owner, u.name AS owner_name, detail.detail,
        coalesce(r.overdue, '[]'::jsonb) AS overdue, coalesce(r.risk, 0)::bigint AS risk
      FROM pg LEFT JOIN r ON r.customer_id = pg.customer_id LEFT JOIN users u ON u.id = pg.owner ${worklistDetailSql(items, 'pg')}
      ORDER BY pg.rank DESC, pg.due_on, pg.customer_name, pg.customer_id, pg.type, pg.item_id
    ) pp ON true`;
  const totalRows = rows[0]?.n ?? 0;
  return {
    today,
    scope,
    type: p.type ?? null,
    collectorId: p.collectorId ?? null,
    items: rows
      .filter((r) => r.type !== null)
      .map((r) => ({
        type: r.type!,
        id: r.item_id,
        customer: { id: r.customer_id, name: r.customer_name },
        collector: r.owner ? { id: r.owner, name: r.owner_name ?? '' } : null,
        dueOn: calendarDateOf(r.due_on),
        overdue: r.overdue.map((o) => ({ currency: o.currency, overdueMinor: toMinor(o.overdueMinor), riskMinor: toMinor(o.riskMinor) })),
        riskScore: toMinor(r.risk),
        detail: r.detail,
      })),
    page: p.page,
    perPage: p.perPage,
    totalRows,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
