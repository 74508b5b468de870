import 'server-only';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';

export interface DunningRunRow {
  id: string;
  runOn: CalendarDate;
  trigger: string;
  status: string;
  flagged: number;
  emails: number;
  awaitingApproval: number;
  tasks: number;
  skipped: number;
  startedAt: string;
  finishedAt: string | null;
  lastError: string | null;
}

const count = (counts: unknown, key: string): number => {
  const v = (counts as Record<string, unknown> | null)?.[key];
  return typeof v === 'number' ? v : 0;
};

/** The company's runs, latest first (admins): the run history of the runs page and the API. */
export async function listDunningRuns(access: CompanyAccess, limit = 60): Promise<DunningRunRow[]> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may see the collections runs.');
  const runs = await prisma.dunningRun.findMany({
    where: { companyId: access.company.id },
    orderBy: { runOn: 'desc' },
    take: Math.min(Math.max(1, limit), 366),
  });
  return runs.map((r) => ({
    id: r.id,
    runOn: calendarDateOf(r.runOn),
    trigger: r.trigger,
    status: r.status,
    flagged: r.flagged,
    emails: count(r.counts, 'emails'),
    awaitingApproval: count(r.counts, 'awaitingApproval'),
    tasks: count(r.counts, 'tasks'),
    skipped: count(r.counts, 'skipped'),
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    lastError: r.lastError,
  }));
}
