import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { DEFAULT_POLICY } from './default-policy';
import { dunningPolicySchema, type DunningPolicy } from './dunning-policy';

export interface StoredPolicy extends DunningPolicy {
  /** False while the company uses the default chain (no row yet). */
  customized: boolean;
  updatedAt: string | null;
}

/**
 * The company's policy, or the default chain when it has none. A stored row that no longer parses (edited by
 * hand) is reported rather than silently replaced, since reminders would go out under rules nobody chose.
 */
export async function loadDunningPolicy(companyId: string): Promise<StoredPolicy> {
  const row = await prisma.dunningPolicy.findUnique({ where: { companyId } });
  if (!row) return { ...DEFAULT_POLICY, customized: false, updatedAt: null };
  const parsed = dunningPolicySchema.safeParse({
    enabled: row.enabled,
    mode: row.mode,
    minIntervalDays: row.minIntervalDays,
    minimums: row.minimums,
    levels: row.levels,
  });
  if (!parsed.success) throw new Error(`The dunning policy of company ${companyId} is invalid: ${parsed.error.message}`);
  return { ...parsed.data, customized: true, updatedAt: row.updatedAt.toISOString() };
}

/** The policy as the settings page and the API read it: anyone who may view invoices somewhere. */
export async function getDunningPolicy(access: CompanyAccess): Promise<StoredPolicy> {
  assertCan(access, 'invoices.view');
  return loadDunningPolicy(access.company.id);
}
