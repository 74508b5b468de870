import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/**
 * Whether hold or dispute `alias` (a collection_holds row) is active on `asOf`: started, not ended by a person,
 * and its end date (inclusive) not passed, so a hold expires by itself the day after it.
 */
export function activeHoldSql(asOf: CalendarDate, alias = 'h'): Prisma.Sql {
  const h = Prisma.raw(alias);
  return Prisma.sql`(${h}.ended_at IS NULL AND ${h}.starts_on <= ${asOf}::date AND (${h}.ends_on IS NULL OR ${h}.ends_on >= ${asOf}::date))`;
}
