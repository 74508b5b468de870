import 'server-only';
import { prisma } from '@/lib/db/client';
import type { AgingScheme } from '@/lib/aging/scheme';
import { frequencyOf } from '@/lib/aging/billing-frequency';
import { parseScheme, schemeDefinitionSql } from './get-aging-context';

/**
 * The active aging scheme: the bill source's own when `billSourceId` is given and it has one, else the
 * company's, else the default. A bill source's scheme carries its billing period.
 */
export async function getAgingScheme(companyId: string, billSourceId: string | null = null): Promise<AgingScheme> {
  const [row] = await prisma.$queryRaw<{ definition: unknown; frequency: string | null; interval_days: number | null }[]>`
    SELECT ${schemeDefinitionSql(companyId, billSourceId)} AS definition, s.frequency, s.interval_days
    FROM (SELECT 1) one LEFT JOIN bill_sources s ON s.company_id = ${companyId}::uuid AND s.id = ${billSourceId}::uuid`;
  const frequency = row?.frequency ? frequencyOf({ frequency: row.frequency, intervalDays: row.interval_days }) : undefined;
  return parseScheme(companyId, row?.definition, frequency);
}
