import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

/** The collector of customer `alias`: its own, else its default location's (a uuid, or null when neither is set). */
export function effectiveCollectorSql(alias = 'c'): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`coalesce(${c}.collector_id, (SELECT l.collector_id FROM locations l WHERE l.company_id = ${c}.company_id AND l.id = ${c}.default_location_id))`;
}

/**
 * The customers whose effective collector (effectiveCollectorSql) is `userId`, as a set of ids found by index:
 * their own collector, or none and their default location's.
 */
export function customersCollectedBySql(companyId: Prisma.Sql, userId: string): Prisma.Sql {
  return Prisma.sql`SELECT c.id FROM customers c WHERE c.company_id = ${companyId} AND c.collector_id = ${userId}::uuid
    UNION ALL
    SELECT c.id FROM customers c JOIN locations l ON l.company_id = c.company_id AND l.id = c.default_location_id
    WHERE c.company_id = ${companyId} AND c.collector_id IS NULL AND l.collector_id = ${userId}::uuid`;
}

/** The customers with no effective collector (effectiveCollectorSql is null), as a set of ids. */
export function customersWithoutCollectorSql(companyId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT c.id FROM customers c WHERE c.company_id = ${companyId} AND c.collector_id IS NULL
    AND (c.default_location_id IS NULL
      OR c.default_location_id IN (SELECT l.id FROM locations l WHERE l.company_id = ${companyId} AND l.collector_id IS NULL))`;
}
