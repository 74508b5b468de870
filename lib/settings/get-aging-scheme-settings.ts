import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGING_SCHEME_PRESETS, bucketsOf, fullScheme, type AgingScheme, type Bucket } from '@/lib/aging/scheme';
import { parseScheme } from '@/lib/receivables/get-aging-context';

export interface AgingSchemeSettings {
  /** The scheme in use, with both switches spelled out. */
  scheme: Required<AgingScheme>;
  /** Its buckets in order (what the aging page, exports, statements and dunning show). */
  buckets: Pick<Bucket, 'key' | 'label' | 'minDays' | 'maxDays'>[];
  /** Whether the company set its own scheme (false: the default). */
  customized: boolean;
  presets: typeof AGING_SCHEME_PRESETS;
}

/** The company's aging scheme as its settings page and API show it; anyone who may use the company may read it. */
export async function getAgingSchemeSettings(access: CompanyAccess): Promise<AgingSchemeSettings> {
  const row = await prisma.agingScheme.findFirst({ where: { companyId: access.company.id, isActive: true }, select: { definition: true } });
  const scheme = fullScheme(parseScheme(access.company.id, row?.definition));
  return {
    scheme,
    buckets: bucketsOf(scheme).map(({ key, label, minDays, maxDays }) => ({ key, label, minDays, maxDays })),
    customized: row !== null,
    presets: AGING_SCHEME_PRESETS,
  };
}
