import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGING_SCHEME_PRESETS, bucketsOf, describeBucket, fullScheme, type Bucket, type FullAgingScheme } from '@/lib/aging/scheme';
import { frequencyOf, type BillingFrequency } from '@/lib/aging/billing-frequency';
import { notFound } from '@/lib/errors/app-error';
import { parseScheme } from '@/lib/receivables/get-aging-context';

export interface AgingSchemeSettings {
  /** null: the company's scheme; else the bill source whose scheme this is. */
  billSource: { id: string; name: string; frequency: BillingFrequency } | null;
  /** The scheme in use, with its switches and basis spelled out. */
  scheme: FullAgingScheme;
  /** Its buckets in order (what the aging page, exports, statements and dunning show), each described in words. */
  buckets: (Pick<Bucket, 'key' | 'label' | 'minDays' | 'maxDays'> & { holds: string })[];
  /** Whether this company (or bill source) set its own scheme (false: the default, or the company's for a bill source). */
  customized: boolean;
  presets: typeof AGING_SCHEME_PRESETS;
}

/** The bill source a settings request names, or null for the company's scheme; another company's reads as not found. */
export async function findBillSource(companyId: string, billSourceId: string | null | undefined) {
  if (!billSourceId) return null;
  if (!z.guid().safeParse(billSourceId).success) throw notFound('Bill source');
  const row = await prisma.billSource.findUnique({ where: { companyId_id: { companyId, id: billSourceId } } });
  if (!row) throw notFound('Bill source');
  return { id: row.id, name: row.name, frequency: frequencyOf(row) };
}

/**
 * An aging scheme as its settings page and API show it: the company's, or a bill source's (its own, else the
 * company's it falls back to). Anyone who may use the company may read it.
 */
export async function getAgingSchemeSettings(access: CompanyAccess, billSourceId?: string | null): Promise<AgingSchemeSettings> {
  const companyId = access.company.id;
  const source = await findBillSource(companyId, billSourceId);
  const rows = await prisma.agingScheme.findMany({
    where: { companyId, isActive: true, billSourceId: source ? { in: [source.id] } : null },
    select: { definition: true },
  });
  const own = rows[0];
  const fallback =
    source && !own
      ? await prisma.agingScheme.findFirst({ where: { companyId, isActive: true, billSourceId: null }, select: { definition: true } })
      : null;
  const scheme = fullScheme(parseScheme(companyId, (own ?? fallback)?.definition, source?.frequency));
  return {
    billSource: source,
    scheme,
    buckets: bucketsOf(scheme).map((b) => ({ key: b.key, label: b.label, minDays: b.minDays, maxDays: b.maxDays, holds: describeBucket(b, scheme) })),
    customized: own !== undefined,
    presets: AGING_SCHEME_PRESETS,
  };
}
