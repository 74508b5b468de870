import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/**
 * Whether any payment or credit note in the currency, received by `asOf`, is unapplied now or was applied after
 * it: when none is, the aging query leaves out the Unapplied column's join. `historical` says whether anything
 * is applied after `asOf` (hasLedgerEntriesAfter); when nothing is, the partial unapplied indexes answer alone.
 */
export async function hasUnappliedCredit(companyId: string, currency: string, asOf: CalendarDate, historical: boolean): Promise<boolean> {
  const [row] = historical
    ? await prisma.$queryRaw<{ any: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM payments WHERE company_id = ${companyId}::uuid AND currency = ${currency} AND received_on <= ${asOf}::date
          AND (unapplied_minor > 0 OR EXISTS (SELECT 1 FROM applications a WHERE a.company_id = payments.company_id AND a.payment_id = payments.id AND a.applied_on > ${asOf}::date)))
        OR EXISTS (SELECT 1 FROM credit_notes WHERE company_id = ${companyId}::uuid AND currency = ${currency} AND issued_on <= ${asOf}::date
          AND (unapplied_minor > 0 OR EXISTS (SELECT 1 FROM applications a WHERE a.company_id = credit_notes.company_id AND a.credit_note_id = credit_notes.id AND a.applied_on > ${asOf}::date))) AS any`
    : await prisma.$queryRaw<{ any: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM payments WHERE company_id = ${companyId}::uuid AND unapplied_minor > 0 AND received_on <= ${asOf}::date AND currency = ${currency})
        OR EXISTS (SELECT 1 FROM credit_notes WHERE company_id = ${companyId}::uuid AND unapplied_minor > 0 AND issued_on <= ${asOf}::date AND currency = ${currency}) AS any`;
  return row?.any === true;
}
