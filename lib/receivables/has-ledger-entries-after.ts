import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/**
 * Whether any application or write-off of the company is dated after `asOf`, as an SQL boolean: asked as the
 * latest date, one index probe each whatever the date, so a cached generic plan stays as cheap as a custom one
 * (a generic plan for `applied_on > $date` scans the table).
 */
export function ledgerEntriesAfter(companyId: string, asOf: CalendarDate): Prisma.Sql {
  return Prisma.sql`(coalesce((SELECT max(applied_on) FROM applications WHERE company_id = ${companyId}::uuid) > ${asOf}::date, false)
    OR coalesce((SELECT max(written_off_on) FROM write_offs WHERE company_id = ${companyId}::uuid) > ${asOf}::date, false))`;
}

/** Whether any application or write-off of the company is dated after `asOf`. */
export async function hasLedgerEntriesAfter(companyId: string, asOf: CalendarDate): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ later: boolean }[]>`SELECT ${ledgerEntriesAfter(companyId, asOf)} AS later`;
  return row?.later === true;
}
