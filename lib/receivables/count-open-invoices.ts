import 'server-only';
import { prisma } from '@/lib/db/client';

const TTL_MS = 60_000;
const cache = new Map<string, { count: number; at: number }>();

/**
 * The company's open invoices in a currency, from the running totals, remembered for a minute per process.
 * It only chooses how the aging page is read (both ways give the same answer), so a stale count costs at
 * most a slower page, never a wrong one.
 */
export async function countOpenInvoices(companyId: string, currency: string): Promise<number> {
  const key = `${companyId}:${currency}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.count;
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT ((SELECT coalesce(sum(invoice_count), 0) FROM aging_date_totals WHERE company_id = ${companyId}::uuid AND currency = ${currency})
      + (SELECT coalesce(sum(invoice_count), 0) FROM aging_changes WHERE company_id = ${companyId}::uuid AND currency = ${currency}))::bigint AS n`;
  const count = Number(row?.n ?? 0);
  cache.set(key, { count, at: Date.now() });
  return count;
}
