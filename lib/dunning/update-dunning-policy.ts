import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { dunningPolicySchema } from './dunning-policy';
import { loadDunningPolicy, type StoredPolicy } from './get-dunning-policy';

/** Saves the company's dunning policy (admins); the old and new values go to the audit log. */
export async function updateDunningPolicy(access: CompanyAccess, input: unknown): Promise<StoredPolicy> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may change the dunning policy.');
  const p = parseOrThrow(dunningPolicySchema, input);
  const companyId = access.company.id;
  const before = await loadDunningPolicy(companyId);
  const data = {
    enabled: p.enabled,
    mode: p.mode,
    minIntervalDays: p.minIntervalDays,
    minimums: p.minimums,
    levels: p.levels,
    updatedBy: access.userId,
    updatedAt: new Date(),
  };
  await prisma.$transaction(async (tx) => {
    await tx.dunningPolicy.upsert({ where: { companyId }, create: { companyId, ...data }, update: data });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'dunning_policy.update',
        targetType: 'dunning_policy',
        targetId: companyId,
        details: { before: { ...before, customized: undefined, updatedAt: undefined }, after: p },
      },
      tx,
    );
  });
  return loadDunningPolicy(companyId);
}
