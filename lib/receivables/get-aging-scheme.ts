import 'server-only';
import { prisma } from '@/lib/db/client';
import type { AgingScheme } from '@/lib/aging/scheme';
import { parseScheme } from './get-aging-context';

/** The company's active aging scheme, or the default one when it has none. */
export async function getAgingScheme(companyId: string): Promise<AgingScheme> {
  const row = await prisma.agingScheme.findFirst({ where: { companyId, isActive: true }, select: { definition: true } });
  return parseScheme(companyId, row?.definition);
}
