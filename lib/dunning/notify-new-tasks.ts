import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { companyAdminIds, notifyUsers } from '@/lib/notifications/notify-users';

const title = (n: number) => `${n} new reminder ${n === 1 ? 'task' : 'tasks'} (calls and letters) on your worklist`;

/**
 * Tells each assignee how many call tasks the run opened for them, and the admins how many have no assignee
 * (letters, and calls for customers without a collector): one notification per user and run day (dedupe key
 * tasks:<runOn>), counted from the run's reminders so a resumed run reports the whole day.
 */
export async function notifyNewTasks(companyId: string, slug: string, runId: string, runOn: CalendarDate): Promise<void> {
  const rows = await prisma.$queryRaw<{ assignee_id: string | null; tasks: number }[]>`
    SELECT assignee_id, count(*)::int AS tasks FROM dunning_reminders
    WHERE company_id = ${companyId}::uuid AND run_id = ${runId}::uuid AND channel <> 'email'
    GROUP BY assignee_id`;
  const link = `/${slug}/collections?type=task`;
  const dedupeKey = `tasks:${runOn}`;
  const perUser = new Map<string, number>();
  const admins = rows.some((r) => !r.assignee_id) ? await companyAdminIds(companyId) : [];
  for (const r of rows) for (const user of r.assignee_id ? [r.assignee_id] : admins) perUser.set(user, (perUser.get(user) ?? 0) + r.tasks);
  for (const [user, tasks] of perUser) await notifyUsers({ companyId, userIds: [user], kind: 'task', title: title(tasks), link, dedupeKey });
}
