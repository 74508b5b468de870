import 'server-only';
import PgBoss from 'pg-boss';
import { databaseUrl } from '@/lib/db/database-url';
import { registerCollectionsJobs } from './collections-jobs';
import { registerSnapshotJobs } from './snapshot-jobs';

// On globalThis: Next loads instrumentation and route bundles as separate module instances in one process.
const globalForJobs = globalThis as unknown as { agewiseJobs?: Promise<PgBoss | null> };

/**
 * Starts pg-boss in this app process (from instrumentation.ts only; tests start their own): it creates its
 * schema `pgboss` in the app's database, then the collections and aging-snapshot schedules and workers are registered. Several
 * processes may each start one. Idempotent; a failure is logged and the app keeps serving.
 */
export function startJobs(): Promise<PgBoss | null> {
  globalForJobs.agewiseJobs ??= (async () => {
    try {
      const boss = new PgBoss({ connectionString: databaseUrl(), schema: 'pgboss', max: 4 });
      boss.on('error', (error) => console.error('pg-boss:', error));
      await boss.start();
      await registerCollectionsJobs(boss);
      await registerSnapshotJobs(boss);
      return boss;
    } catch (error) {
      console.error('Could not start the job scheduler; the nightly collections run will not happen in this process:', error);
      return null;
    }
  })();
  return globalForJobs.agewiseJobs;
}
