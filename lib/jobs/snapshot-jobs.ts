import 'server-only';
import type PgBoss from 'pg-boss';
import { prisma } from '@/lib/db/client';
import { keepAgingSnapshots } from '@/lib/snapshots/keep-aging-snapshots';
import { notifyAgingCreep } from '@/lib/dashboard/notify-aging-creep';
import { refreshExpectedCash } from '@/lib/dashboard/refresh-expected-cash';

/** The queue that keeps every company's aging snapshots (lib/snapshots). */
export const SNAPSHOTS_QUEUE = 'aging-snapshots';
/** Every 10 minutes: a new week or month end is built within minutes of midnight in each company's zone, and stale customers are refreshed. */
export const SNAPSHOTS_CRON = '*/10 * * * *';

/** A keeper job's data: these companies only (none: every company, as the schedule runs it). */
export interface SnapshotJobData {
  companyIds?: string[];
}

/**
 * Registers the snapshot keeper on a started pg-boss: a singleton queue (one keeper at a time across every
 * app process), its schedule, a first run now (the backfill of a new install; `runNow: false` skips it), and
 * the worker. `clock` is for tests. Returns the worker id.
 */
export async function registerSnapshotJobs(
  boss: PgBoss,
  opts: { clock?: () => Date; pollingIntervalSeconds?: number; runNow?: boolean } = {},
): Promise<string> {
  const clock = opts.clock ?? (() => new Date());
  await boss.createQueue(SNAPSHOTS_QUEUE, { name: SNAPSHOTS_QUEUE, policy: 'singleton', retryLimit: 0, expireInMinutes: 120 });
  await boss.schedule(SNAPSHOTS_QUEUE, SNAPSHOTS_CRON, {}, { tz: 'UTC' });
  if (opts.runNow !== false) await boss.send(SNAPSHOTS_QUEUE, {});
  return boss.work<SnapshotJobData>(SNAPSHOTS_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30 }, async (jobs) => {
    for (const job of jobs) {
      const r = await keepEveryCompanysSnapshots(clock(), { companyIds: job.data?.companyIds });
      if (r.built + r.failed > 0) console.info(`Aging snapshots: ${r.built} built, ${r.failed} companies failed.`);
    }
  });
}

/**
 * Keeps every company's snapshots (keepAgingSnapshots), raises the 60+ creep alert where it holds, and
 * recomputes the expected cash; a company that fails is logged and the others go on. `notify: false` keeps
 * the figures without raising the alert (the browser suite's server, whose notifications tests count);
 * `companyIds` narrows it to those companies.
 */
export async function keepEveryCompanysSnapshots(
  now: Date,
  opts: { notify?: boolean; companyIds?: string[] } = {},
): Promise<{ companies: number; built: number; failed: number }> {
  const companies = await prisma.company.findMany({
    where: opts.companyIds ? { id: { in: opts.companyIds } } : {},
    select: { id: true, slug: true, timeZone: true, baseCurrency: true },
  });
  let built = 0;
  let failed = 0;
  for (const c of companies) {
    try {
      built += (await keepAgingSnapshots(c, now)).built.length;
      if (opts.notify !== false) await notifyAgingCreep(c, now);
      await refreshExpectedCash(c, now);
    } catch (error) {
      failed += 1;
      console.error(`Aging snapshots of company ${c.slug} failed:`, error);
    }
  }
  return { companies: companies.length, built, failed };
}
