import { createHash } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Prefix of the statements whose plans each connection keeps: short lookups that run on every request
 * (token and company access, the aging context), where planning cost ten times the execution. Their
 * generic plan is as good as a custom one. The aggregates are left out on purpose: their best plan depends
 * on the tenant's size and the dates bound, so PostgreSQL plans them afresh with the values of each call.
 */
const TAG = '/* plan-cached */';
/** Starts a tagged statement: Prisma.sql`${PLAN_CACHED} SELECT ...`. */
export const PLAN_CACHED = Prisma.raw(TAG);

/** The prepared-statement name for a plan-cached statement (by its text); '' (unnamed) for any other. */
export function cachedStatementName(query: { sql: string }): string {
  if (!query.sql.startsWith(TAG)) return '';
  return `pc_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
}
