import 'server-only';
import type PgBoss from 'pg-boss';
import { runDueCompanies } from '@/lib/dunning/run-due-companies';

/** The queue of the nightly collections check. */
export const COLLECTIONS_QUEUE = 'collections-nightly';
/** Every 15 minutes (UTC): each company runs at the first check at or after 02:00 its local time. */
export const COLLECTIONS_CRON = '*/15 * * * *';

/**
 * Registers the collections check on a started pg-boss: the queue (singleton policy: one check active at a
 * time across every app process), its 15-minute schedule, and the worker that runs due companies. `clock` is
 * for tests. Returns the worker id.
 */
export async function registerCollectionsJobs(boss: PgBoss, opts: { clock?: () => Date; pollingIntervalSeconds?: number } = {}): Promise<string> {
  const clock = opts.clock ?? (() => new Date());
  await boss.createQueue(COLLECTIONS_QUEUE, { name: COLLECTIONS_QUEUE, policy: 'singleton', retryLimit: 0, expireInMinutes: 60 });
  await boss.schedule(COLLECTIONS_QUEUE, COLLECTIONS_CRON, {}, { tz: 'UTC' });
  return boss.work(COLLECTIONS_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30 }, async () => {
    const { ran, failed } = await runDueCompanies(clock());
    if (ran.length + failed.length > 0) console.info(`Collections: ${ran.length} companies ran, ${failed.length} failed.`);
    return { ran: ran.length, failed: failed.length };
  });
}
