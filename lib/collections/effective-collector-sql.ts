import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

/** The collector of customer `alias`: its own, else its default location's (a uuid, or null when neither is set). */
export function effectiveCollectorSql(alias = 'c'): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`coalesce(${c}.collector_id, (SELECT l.collector_id FROM locations l WHERE l.company_id = ${c}.company_id AND l.id = ${c}.default_location_id))`;
}
