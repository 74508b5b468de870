import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/** Whether any application or write-off of the company is dated after `asOf`: two index probes. */
export async function hasLedgerEntriesAfter(companyId: string, asOf: CalendarDate): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ later: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM applications WHERE company_id = ${companyId}::uuid AND applied_on > ${asOf}::date)
        OR EXISTS (SELECT 1 FROM write_offs WHERE company_id = ${companyId}::uuid AND written_off_on > ${asOf}::date) AS later`;
  return row?.later === true;
}
