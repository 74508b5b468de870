import 'server-only';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { kickOutbox } from '@/lib/email/outbox-sender';
import { notFound } from '@/lib/errors/app-error';
import { getAgingScheme } from '@/lib/receivables/get-aging-scheme';
import { flagOverdueInvoices } from './flag-overdue-invoices';
import { loadDunningPolicy } from './get-dunning-policy';
import { notifyBrokenPromises } from './notify-broken-promises';
import { notifyEscalations } from './notify-escalations';
import { notifyNewTasks } from './notify-new-tasks';
import { notifyOverdueSummary } from './notify-overdue-summary';
import { planDunning } from './plan-dunning';
import { prepareReminderChunk, type ChunkResult } from './prepare-reminders';
import { triageSending } from './triage-dunning';

export const RUN_TRIGGERS = ['schedule', 'manual', 'cli', 'api'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** Customers per transaction: small enough to keep locks short, large enough for 10,000 reminders in a minute or two. */
export const REMINDER_CHUNK = 200;

export interface RunOptions {
  now?: Date;
  trigger: RunTrigger;
  userId?: string | null;
  /** Tests: throw after this many chunks have committed, as a crash mid-run would stop it. */
  failAfterChunk?: number;
  chunkSize?: number;
}

export interface RunSummary {
  runId: string;
  runOn: CalendarDate;
  /** Invoices flagged overdue on the run date (by this call or an earlier one that day). */
  flagged: number;
  emails: number;
  awaitingApproval: number;
  tasks: number;
  /** Customers with nothing to send today, each for a reason the preview shows. */
  skipped: number;
}

/**
 * The nightly run of one company for the calendar day `now` falls on in its time zone: (1) flag invoices that
 * became overdue, (2) notify collectors and admins (the day's summary, broken promises), (3) prepare the day's
 * reminders in chunks. One run row per company and day: running again the same day, or twice at once, resumes
 * it and completes only what is missing (every write is keyed in the database), so a crash loses nothing.
 */
export async function runCollections(companyId: string, opts: RunOptions): Promise<RunSummary> {
  const now = opts.now ?? new Date();
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: { id: true, slug: true, name: true, timeZone: true, remitTo: true },
  });
  if (!company) throw notFound('Company');
  const runOn = todayInTimeZone(company.timeZone, now);
  const [run] = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO dunning_runs (company_id, run_on, trigger, started_by, started_at)
    VALUES (${companyId}::uuid, ${runOn}::date, ${opts.trigger}, ${opts.userId ?? null}::uuid, ${now}::timestamptz)
    ON CONFLICT (company_id, run_on) DO UPDATE SET status = 'running', last_error = NULL
    RETURNING id`;
  const runId = run!.id;
  try {
    await flagOverdueInvoices(companyId, runOn, now);
    const flagged = await notifyOverdueSummary(companyId, company.slug, runOn);
    await notifyBrokenPromises(companyId, company.slug, runOn);

    const policy = await loadDunningPolicy(companyId);
    const totals: ChunkResult = { emails: 0, awaitingApproval: 0, tasks: 0 };
    let skipped = 0;
    if (policy.enabled) {
      // Only customers with something to send are planned in full; the others are counted.
      const triaged = await triageSending(companyId, policy, runOn);
      const plans = await planDunning(company, policy, runOn, triaged.sending);
      const sending = plans.filter((p) => p.action !== 'skip');
      skipped = triaged.candidates - sending.length;
      const size = opts.chunkSize ?? REMINDER_CHUNK;
      const scheme = await getAgingScheme(companyId);
      for (let i = 0, chunk = 0; i < sending.length; i += size) {
        const r = await prepareReminderChunk({ company, policy, runId, runOn, now, scheme }, sending.slice(i, i + size));
        totals.emails += r.emails;
        totals.awaitingApproval += r.awaitingApproval;
        totals.tasks += r.tasks;
        if (r.emails > 0) kickOutbox();
        if (opts.failAfterChunk !== undefined && ++chunk >= opts.failAfterChunk) throw new Error(`Simulated crash after chunk ${chunk}`);
      }
    }
    if (policy.enabled) {
      await notifyEscalations(companyId, company.slug, runId, runOn, policy.levels);
      await notifyNewTasks(companyId, company.slug, runId, runOn);
    }
    // The day's totals, whichever call wrote them: a rerun after a crash reports the whole day.
    const [day] = await prisma.$queryRaw<{ emails: number; awaiting: number; tasks: number }[]>`
      SELECT count(*) FILTER (WHERE channel = 'email' AND status NOT IN ('awaiting_approval', 'cancelled'))::int AS emails,
        count(*) FILTER (WHERE status = 'awaiting_approval')::int AS awaiting,
        count(*) FILTER (WHERE channel <> 'email')::int AS tasks
      FROM dunning_reminders WHERE company_id = ${companyId}::uuid AND run_id = ${runId}::uuid`;
    const summary: RunSummary = { runId, runOn, flagged, emails: day!.emails, awaitingApproval: day!.awaiting, tasks: day!.tasks, skipped };
    await prisma.$transaction(async (tx) => {
      await tx.dunningRun.update({
        where: { companyId_id: { companyId, id: runId } },
        data: {
          status: 'done',
          flagged,
          counts: { emails: summary.emails, awaitingApproval: summary.awaitingApproval, tasks: summary.tasks, skipped, thisCall: { ...totals } },
          finishedAt: now,
          lastError: null,
        },
      });
      await writeAuditLog(
        {
          companyId,
          userId: opts.userId ?? null,
          action: 'collections.run',
          targetType: 'dunning_run',
          targetId: runId,
          details: { trigger: opts.trigger, ...summary },
        },
        tx,
      );
    });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await prisma.dunningRun
      .update({ where: { companyId_id: { companyId, id: runId } }, data: { status: 'failed', lastError: message.slice(0, 1000) } })
      .catch((e: unknown) => console.error(`Could not record the failure of run ${runId}:`, e));
    throw error;
  }
}
