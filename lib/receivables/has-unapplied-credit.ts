import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { unappliedSources } from './aging-sql';

/**
 * Whether any payment or credit note in the currency, received by `asOf`, is unapplied on that date: when none
 * is, the aging query leaves out the Unapplied column's join. `historical` says whether anything is applied
 * after `asOf` (hasLedgerEntriesAfter); when nothing is, the partial unapplied indexes answer alone.
 */
export async function hasUnappliedCredit(companyId: string, currency: string, asOf: CalendarDate, historical: boolean): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (${unappliedSources({ companyId, currency, asOf, historical })}) AS any`;
  return row?.any === true;
}
