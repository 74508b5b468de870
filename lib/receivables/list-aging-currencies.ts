import 'server-only';
import { prisma } from '@/lib/db/client';

/**
 * Currencies with open balances in the given locations, always including the base currency. A loose index
 * scan over invoices_aging_idx: one probe per currency instead of reading every open invoice.
 */
export async function listAgingCurrencies(companyId: string, baseCurrency: string, locationIds: string[]): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ currency: string }[]>`
    WITH RECURSIVE cur AS (
      (SELECT currency FROM invoices
        WHERE company_id = ${companyId}::uuid AND status IN ('open', 'partially_paid') AND balance_minor > 0 AND location_id = ANY(${locationIds}::uuid[])
        ORDER BY currency LIMIT 1)
      UNION ALL
      SELECT (SELECT currency FROM invoices
        WHERE company_id = ${companyId}::uuid AND status IN ('open', 'partially_paid') AND balance_minor > 0 AND location_id = ANY(${locationIds}::uuid[])
          AND currency > cur.currency ORDER BY currency LIMIT 1)
      FROM cur WHERE cur.currency IS NOT NULL
    )
    SELECT currency FROM cur WHERE currency IS NOT NULL`;
  return [...new Set([baseCurrency, ...rows.map((r) => r.currency.trim())])].sort();
}
