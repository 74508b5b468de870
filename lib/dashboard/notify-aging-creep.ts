import 'server-only';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { companyAdminIds, notifyUsers } from '@/lib/notifications/notify-users';
import { getAgingTrend } from './get-aging-trend';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Tells the company's admins when the share of AR over 60 days past due (base currency, every location) has
 * risen three weeks in a row, once per week end it happens on. Returns how many notifications were added.
 */
export async function notifyAgingCreep(
  company: { id: string; slug: string; timeZone: string; baseCurrency: string },
  now: Date = new Date(),
): Promise<number> {
  const trend = await getAgingTrend(company.id, company.baseCurrency, null, todayInTimeZone(company.timeZone, now));
  if (!trend.creep) return 0;
  const first = trend.creep[0]!;
  const last = trend.creep.at(-1)!;
  return notifyUsers({
    companyId: company.id,
    userIds: await companyAdminIds(company.id),
    kind: 'aging_creep',
    title: 'Over 60 days past due has risen three weeks in a row',
    body: `${trend.creep.map((p) => pct(p.over60Share!)).join(' → ')} of AR (${company.baseCurrency}), weeks ending ${formatCalendarDate(first.weekEnd, 'short')} to ${formatCalendarDate(last.weekEnd, 'short')}.`,
    link: `/${company.slug}/dashboard`,
    dedupeKey: `aging_creep:${last.weekEnd}`,
  });
}
