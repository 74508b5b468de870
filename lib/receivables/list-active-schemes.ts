import 'server-only';
import { prisma } from '@/lib/db/client';
import type { AgingScheme } from '@/lib/aging/scheme';
import { frequencyOf } from '@/lib/aging/billing-frequency';
import { parseScheme } from './get-aging-context';

export interface ActiveScheme {
  /** null: the company's scheme, which governs invoices without a bill source or whose source has none of its own. */
  billSourceId: string | null;
  name: string;
  scheme: AgingScheme;
}

/** The company's scheme (the default when none was saved) and each bill source's own, with its billing period. */
export async function listActiveSchemes(companyId: string, companyName: string): Promise<ActiveScheme[]> {
  const rows = await prisma.agingScheme.findMany({
    where: { companyId, isActive: true },
    select: { definition: true, billSourceId: true, billSource: { select: { name: true, frequency: true, intervalDays: true } } },
  });
  const company = rows.find((r) => r.billSourceId === null);
  return [
    { billSourceId: null, name: companyName, scheme: parseScheme(companyId, company?.definition) },
    ...rows
      .filter((r) => r.billSource !== null)
      .map((r) => ({
        billSourceId: r.billSourceId,
        name: r.billSource!.name,
        scheme: parseScheme(companyId, r.definition, frequencyOf(r.billSource!)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  ];
}
