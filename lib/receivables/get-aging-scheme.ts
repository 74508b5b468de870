import 'server-only';
import { prisma } from '@/lib/db/client';
import { agingSchemeSchema, DEFAULT_AGING_SCHEME, type AgingScheme } from '@/lib/aging/scheme';

/** The company's active aging scheme, or the default one when it has none. */
export async function getAgingScheme(companyId: string): Promise<AgingScheme> {
  const row = await prisma.agingScheme.findFirst({ where: { companyId, isActive: true }, select: { definition: true } });
  if (!row) return DEFAULT_AGING_SCHEME;
  const parsed = agingSchemeSchema.safeParse(row.definition);
  if (!parsed.success) throw new Error(`Company ${companyId} has an invalid aging scheme: ${parsed.error.message}`);
  return parsed.data;
}
