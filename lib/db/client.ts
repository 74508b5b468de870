import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl } from './database-url';
import { cachedStatementName } from './plan-cache';

/**
 * Session settings for every app connection; the benchmark's bare-SQL timing uses the same. random_page_cost
 * 1.1 fits data in memory or on SSD: at the default 4 the planner hashes 700k open invoices (1.1 s) instead of
 * streaming them in customer order from invoices_aging_by_customer_idx (0.4 s).
 */
export const SESSION_OPTIONS = '-c jit=off -c work_mem=64MB -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({
    adapter: new PrismaPg(
      {
        connectionString: databaseUrl(),
        max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        // Aging aggregates hash ~100k customers per request: enough work_mem keeps that in memory; JIT costs
        // more than it saves on queries of this size; and parallel workers each build a near-full hash table
        // that the leader must merge again (measured slower on 2 cores, and they starve concurrent requests).
        options: SESSION_OPTIONS,
      },
      {
        // Behind PgBouncer in transaction mode (before 1.21), named statements must be off.
        statementNameGenerator: process.env.DATABASE_PREPARED_STATEMENTS === 'off' ? undefined : cachedStatementName,
      },
    ),
  });
  return globalForPrisma.prisma;
}

/**
 * One client per process, created on first use so that `next build` (which imports route modules) needs
 * no database.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === 'function' ? value.bind(c) : value;
  },
});
