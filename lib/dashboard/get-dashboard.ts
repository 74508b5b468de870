import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { addDays, daysBetween, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { promiseStateSql } from '@/lib/collections/promise-state-sql';
import { companySettings } from '@/lib/settings/company-settings';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { AGEABLE_INVOICE, toMinor } from '@/lib/receivables/aging-sql';
import { dateTotals } from '@/lib/receivables/aging-totals-sql';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { locationScope } from '@/lib/receivables/resolve-location-filter';
import { getAgingTrend, type AgingTrend } from './get-aging-trend';

export const FORECAST_WEEKS = 13;

export interface Dashboard {
  asOf: CalendarDate;
  currency: string;
  /** What is owed (every open balance), overdue (past its due date), their ratio, and money on account. */
  totals: { ar: number; overdue: number; overdueShare: number; unapplied: number };
  /** Days sales outstanding: what is owed over the last 90 days' invoiced sales, times 90; null without sales. */
  dso: number | null;
  sales90: number;
  /** The aging summary (the company's periods), for the bucket bar. */
  buckets: { key: string; label: string }[];
  amounts: Record<string, number>;
  /** Shares of what is owed 31-60 and over 60 days past due, against the company's thresholds. */
  health: { key: 'days_31_60' | 'days_61_plus'; label: string; amount: number; share: number; maxShare: number; ok: boolean }[];
  /**
   * 13 weeks from the Sunday on or before today: open balances by due date (overdue in week 0), pending
   * promises by date, and expected: open balances moved by each customer's days late (refreshExpectedCash).
   */
  forecast: { weekStart: CalendarDate; committed: number; promised: number; expected: number }[];
  /** When the expected figures were computed (the snapshot job); null before its first run. */
  expectedAt: Date | null;
  /** The aging as of the last 13 week ends, and the 60+ creep alert. */
  trend: AgingTrend;
  /** The five customers most overdue (oldest past-due invoice first, then by overdue amount). */
  risks: { customer: { id: string; name: string }; overdue: number; daysOverdue: number }[];
}

/** The Sunday on or before `date`. */
export function weekStart(date: CalendarDate): CalendarDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -day);
}

/**
 * The manager's overview in the company's base currency, for the locations the user may view: total AR,
 * overdue and its share, DSO, unapplied cash, the bucket bar, health against the thresholds, a 13-week cash
 * forecast with the expected cash, the 13-week trend with its 60+ creep alert, and the five largest risks.
 * Balances come from the running totals, so it reads in one pass over a few thousand date rows rather than
 * every open invoice.
 */
export async function getDashboard(access: CompanyAccess, now: Date = new Date()): Promise<Dashboard> {
  const companyId = access.company.id;
  const currency = access.company.baseCurrency;
  const today = todayInTimeZone(access.company.timeZone, now);
  const locationIds = locationScope(access, []);
  const week0 = weekStart(today);
  const location = locationIds === null ? Prisma.empty : Prisma.sql`AND i.location_id = ANY(${locationIds}::uuid[])`;
  // invoices_sales_idx leads with the location: every location is read as the list of them.
  const salesLocation =
    locationIds === null ? Prisma.sql`AND i.location_id = ANY(ARRAY(SELECT id FROM locations WHERE company_id = ${companyId}::uuid))` : location;
  const settings = companySettings((await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { settings: true } })).settings);
  const [page, [dates], weeks, [sales], promises, risks, expected, trend] = await Promise.all([
    getAgingPage(access, agingParamsSchema.parse({ perPage: '10' }), now),
    prisma.$queryRaw<{ ar: bigint; overdue: bigint; d31: bigint; d61: bigint }[]>`
      SELECT coalesce(sum(bal), 0)::bigint AS ar,
        coalesce(sum(bal) FILTER (WHERE due_date < ${today}::date), 0)::bigint AS overdue,
        coalesce(sum(bal) FILTER (WHERE due_date BETWEEN ${addDays(today, -60)}::date AND ${addDays(today, -31)}::date), 0)::bigint AS d31,
        coalesce(sum(bal) FILTER (WHERE due_date < ${addDays(today, -60)}::date), 0)::bigint AS d61
      FROM (${dateTotals({ companyId, currency, locationIds })}) t`,
    prisma.$queryRaw<{ week: number; amount: bigint }[]>`
      SELECT greatest(0, (due_date - ${week0}::date) / 7)::int AS week, sum(bal)::bigint AS amount
      FROM (${dateTotals({ companyId, currency, locationIds })}) t
      WHERE due_date < ${addDays(week0, 7 * FORECAST_WEEKS)}::date
      GROUP BY 1`,
    prisma.$queryRaw<{ amount: bigint | null }[]>`
      SELECT sum(i.amount_minor)::bigint AS amount FROM invoices i
      WHERE i.company_id = ${companyId}::uuid AND i.currency = ${currency} AND i.status NOT IN ('draft', 'void')
        AND i.invoice_date > ${addDays(today, -90)}::date AND i.invoice_date <= ${today}::date ${salesLocation}`,
    prisma.$queryRaw<{ week: number; amount: bigint }[]>`
      SELECT ((p.promised_on - ${week0}::date) / 7)::int AS week, sum(p.amount_minor)::bigint AS amount
      FROM payment_promises p
      WHERE p.company_id = ${companyId}::uuid AND p.currency = ${currency}
        AND p.promised_on >= ${today}::date AND p.promised_on < ${addDays(week0, 7 * FORECAST_WEEKS)}::date
        AND ${promiseStateSql(today, 'p')} = 'pending'
        ${locationIds === null ? Prisma.empty : Prisma.sql`AND p.customer_id IN (SELECT id FROM customers WHERE company_id = ${companyId}::uuid AND default_location_id = ANY(${locationIds}::uuid[]))`}
      GROUP BY 1`,
    // The oldest past-due invoices, walked from the oldest due date by index, name the most overdue customers.
    prisma.$queryRaw<{ customer_id: string; name: string; oldest: Date; overdue: bigint }[]>`
      WITH oldest AS (
        SELECT i.customer_id, min(i.due_date) AS oldest FROM (
          SELECT i.customer_id, i.due_date FROM invoices i
          WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.currency = ${currency} AND i.due_date < ${today}::date ${location}
          ORDER BY i.due_date LIMIT 500) i
        GROUP BY i.customer_id ORDER BY 2 LIMIT 25)
      SELECT o.customer_id, c.name, o.oldest,
        (SELECT sum(i.balance_minor) FROM invoices i WHERE i.company_id = ${companyId}::uuid AND i.customer_id = o.customer_id
          AND ${AGEABLE_INVOICE} AND i.currency = ${currency} AND i.due_date < ${today}::date ${location})::bigint AS overdue
      FROM oldest o JOIN customers c ON c.company_id = ${companyId}::uuid AND c.id = o.customer_id`,
    // Kept by the snapshot job; a week that has begun since counts in this one.
    prisma.$queryRaw<{ week: number; amount: bigint; at: Date }[]>`
      SELECT greatest(0, (week_start - ${week0}::date) / 7)::int AS week, sum(amount_minor)::bigint AS amount, max(computed_at) AS at
      FROM expected_cash e
      WHERE e.company_id = ${companyId}::uuid AND e.currency = ${currency} AND e.week_start < ${addDays(week0, 7 * FORECAST_WEEKS)}::date
        ${locationIds === null ? Prisma.empty : Prisma.sql`AND e.location_id = ANY(${locationIds}::uuid[])`}
      GROUP BY 1`,
    getAgingTrend(companyId, currency, locationIds, today),
  ]);
  const ar = toMinor(dates?.ar);
  const overdue = toMinor(dates?.overdue);
  const sales90 = toMinor(sales?.amount);
  const share = (amount: number) => (ar > 0 ? amount / ar : 0);
  const d31 = toMinor(dates?.d31);
  const d61 = toMinor(dates?.d61);
  const max31 = settings['dashboard.health.days_31_60_max_pct'] / 100;
  const max61 = settings['dashboard.health.days_61_plus_max_pct'] / 100;
  const committedBy = new Map(weeks.map((w) => [w.week, toMinor(w.amount)]));
  const promisedBy = new Map(promises.map((w) => [w.week, toMinor(w.amount)]));
  const expectedBy = new Map(expected.map((w) => [w.week, toMinor(w.amount)]));
  const expectedAt = expected.reduce<Date | null>((a, w) => (a && a > w.at ? a : w.at), null);
  return {
    asOf: today,
    currency,
    totals: { ar, overdue, overdueShare: share(overdue), unapplied: page.summary.unapplied },
    dso: sales90 > 0 ? Math.round((ar / sales90) * 90) : null,
    sales90,
    buckets: page.buckets,
    amounts: page.summary.amounts,
    health: [
      { key: 'days_31_60', label: '31-60 days past due', amount: d31, share: share(d31), maxShare: max31, ok: share(d31) < max31 || d31 === 0 },
      { key: 'days_61_plus', label: 'Over 60 days past due', amount: d61, share: share(d61), maxShare: max61, ok: share(d61) < max61 || d61 === 0 },
    ],
    forecast: Array.from({ length: FORECAST_WEEKS }, (_, k) => ({
      weekStart: addDays(week0, 7 * k),
      committed: committedBy.get(k) ?? 0,
      promised: promisedBy.get(k) ?? 0,
      expected: expectedBy.get(k) ?? 0,
    })),
    expectedAt,
    trend,
    risks: risks
      .map((r) => ({
        customer: { id: r.customer_id, name: r.name },
        overdue: toMinor(r.overdue),
        daysOverdue: daysBetween(r.oldest.toISOString().slice(0, 10), today),
      }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || b.overdue - a.overdue)
      .slice(0, 5),
  };
}
