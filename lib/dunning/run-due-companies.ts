import 'server-only';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { refreshCustomerRisk } from '@/lib/collections/refresh-customer-risk';
import { isRunDue } from './is-run-due';
import { runCollections, type RunSummary } from './run-collections';

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
      await runCompanyNight(c.id, now);
      result.ran.push({ companyId: c.id, runOn });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Collections run of company ${c.id} for ${runOn} failed:`, error);
      result.failed.push({ companyId: c.id, error: message });
    }
  }
  return result;
}

/**
 * One company's scheduled night: the overdue run, then the worklist's order as of the run date
 * (customer_risk), so the day's worklist reads find it ready. The refresh is not part of the run: a failure
 * there leaves the run done, and the day's first worklist read refreshes instead.
 */
export async function runCompanyNight(companyId: string, now: Date): Promise<RunSummary> {
  const summary = await runCollections(companyId, { now, trigger: 'schedule' });
  try {
    await refreshCustomerRisk(companyId, summary.runOn, now);
  } catch (error) {
    console.error(`Worklist order refresh of company ${companyId} for ${summary.runOn} failed:`, error);
  }
  return summary;
}
