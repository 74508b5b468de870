import 'server-only';
import { prisma } from '@/lib/db/client';
import { daysBetween, type CalendarDate } from '@/lib/aging/calendar-date';
import { effectiveCollectorSql } from '@/lib/collections/effective-collector-sql';
import { promiseStateSql } from '@/lib/collections/promise-state-sql';
import { formatMoney } from '@/lib/money/currency';
import { companyAdminIds, notifyUsersMany } from '@/lib/notifications/notify-users';

/** A promise is looked at for this many days after its date: enough for a run that was down a while to catch up. */
const LOOKBACK_DAYS = 60;

/**
 * Tells the collector and the admins about each promise to pay that is broken or partly kept on `runOn` (its
 * date passed without the full amount), once per promise (dedupe key promise:<id>:broken). Returns how many
 * promises it looked at.
 */
export async function notifyBrokenPromises(companyId: string, slug: string, runOn: CalendarDate): Promise<number> {
  const since = new Date(`${runOn}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - LOOKBACK_DAYS);
  const rows = await prisma.$queryRaw<
    {
      id: string;
      customer_id: string;
      name: string;
      state: string;
      amount_minor: bigint;
      currency: string;
      promised_on: Date;
      collector_id: string | null;
    }[]
  >`
    SELECT p.id, p.customer_id, c.name, ${promiseStateSql(runOn, 'p')} AS state, p.amount_minor, trim(p.currency) AS currency, p.promised_on,
      ${effectiveCollectorSql('c')} AS collector_id
    FROM payment_promises p JOIN customers c ON c.company_id = p.company_id AND c.id = p.customer_id
    WHERE p.company_id = ${companyId}::uuid AND p.promised_on < ${runOn}::date AND p.promised_on >= ${since}::date
      AND ${promiseStateSql(runOn, 'p')} IN ('broken', 'partly_kept')`;
  if (rows.length === 0) return 0;
  const admins = await companyAdminIds(companyId);
  await notifyUsersMany(
    rows.map((p) => {
      const date = p.promised_on.toISOString().slice(0, 10);
      const late = daysBetween(date, runOn);
      return {
        companyId,
        userIds: [p.collector_id, ...admins],
        kind: 'broken_promise' as const,
        title: `${p.name}: promise to pay ${formatMoney(Number(p.amount_minor), p.currency)} by ${date} ${p.state === 'broken' ? 'was broken' : 'was partly kept'}`,
        body: `${late} ${late === 1 ? 'day' : 'days'} past the promised date.`,
        link: `/${slug}/customers/${p.customer_id}/accounting`,
        dedupeKey: `promise:${p.id}:broken`,
      };
    }),
  );
  return rows.length;
}
