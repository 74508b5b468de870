import 'server-only';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { isRunDue } from './is-run-due';
import { runCollections } from './run-collections';

export interface DueRunsResult {
  /** Companies whose run this call completed, with the run date. */
  ran: { companyId: string; runOn: CalendarDate }[];
  /** Companies whose run failed (logged; the next check retries, since their day has no finished run). */
  failed: { companyId: string; error: string }[];
}

/**
 * The scheduler's job: runs the nightly run of every company whose local time is at or past 02:00 and whose
 * local today has no finished run yet (lib/dunning/is-run-due.ts), one company after another; a company that
 * fails does not stop the others. Also catches up after downtime. Safe with several processes: each run is
 * keyed by (company, day) in the database.
 */
export async function runDueCompanies(now: Date = new Date()): Promise<DueRunsResult> {
  const companies = await prisma.$queryRaw<{ id: string; time_zone: string; last: Date | null }[]>`
    SELECT c.id, c.time_zone, (SELECT max(r.run_on) FROM dunning_runs r WHERE r.company_id = c.id AND r.status = 'done') AS last
    FROM companies c ORDER BY c.id`;
  const result: DueRunsResult = { ran: [], failed: [] };
  for (const c of companies) {
    const { due, runOn } = isRunDue(now, c.time_zone, c.last ? calendarDateOf(c.last) : null);
    if (!due) continue;
    try {
      await runCollections(c.id, { now, trigger: 'schedule' });
      result.ran.push({ companyId: c.id, runOn });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Collections run of company ${c.id} for ${runOn} failed:`, error);
      result.failed.push({ companyId: c.id, error: message });
    }
  }
  return result;
}
