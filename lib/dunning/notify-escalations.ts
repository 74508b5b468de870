import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { companyAdminIds, notifyUsers } from '@/lib/notifications/notify-users';
import { isEscalation } from './choose-level';
import type { DunningLevel } from './dunning-policy';
import { escalationTitle } from './escalation-title';

/**
 * One escalation notification per admin and run day (dedupe key escalation:<runOn>), not one per customer: a
 * company's first night may escalate hundreds. Counted from the run's reminders in the database, so a resumed
 * run reports the whole day. Returns how many customers escalated.
 */
export async function notifyEscalations(
  companyId: string,
  slug: string,
  runId: string,
  runOn: CalendarDate,
  levels: Pick<DunningLevel, 'channel' | 'name'>[],
): Promise<number> {
  const counts = await prisma.$queryRaw<{ level: number; customers: number }[]>`
    SELECT level, count(*)::int AS customers FROM dunning_reminders
    WHERE company_id = ${companyId}::uuid AND run_id = ${runId}::uuid AND status <> 'cancelled'
    GROUP BY level`;
  const title = escalationTitle(levels, counts);
  if (!title) return 0;
  const total = counts.filter((c) => isEscalation(levels, c.level)).reduce((s, c) => s + c.customers, 0);
  await notifyUsers({
    companyId,
    userIds: await companyAdminIds(companyId),
    kind: 'escalation',
    title,
    body: `From the reminder run of ${runOn}: letters are tasks for the managers; the customers are on the runs page.`,
    link: `/${slug}/collections/runs`,
    dedupeKey: `escalation:${runOn}`,
  });
  return total;
}
