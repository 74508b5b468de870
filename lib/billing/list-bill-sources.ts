import 'server-only';
import { prisma } from '@/lib/db/client';
import { frequencyOf, type BillingFrequency } from '@/lib/aging/billing-frequency';

export interface BillSourceSummary {
  id: string;
  name: string;
  frequency: BillingFrequency;
  /** Whether it has an aging scheme of its own (else it ages by the company's). */
  ownScheme: boolean;
}

/** The company's bill sources by name. Anyone who may use the company may read them: they label invoices. */
export async function listBillSources(companyId: string): Promise<BillSourceSummary[]> {
  const rows = await prisma.billSource.findMany({
    where: { companyId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, frequency: true, intervalDays: true, agingSchemes: { where: { isActive: true }, select: { id: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, frequency: frequencyOf(r), ownScheme: r.agingSchemes.length > 0 }));
}
