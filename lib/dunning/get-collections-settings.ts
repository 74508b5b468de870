import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { listCollectors } from '@/lib/collections/list-collectors';
import { loadDunningPolicy, type StoredPolicy } from './get-dunning-policy';

export interface CollectionsSettings {
  policy: StoredPolicy;
  locations: { id: string; name: string; collectorId: string | null }[];
  collectors: { id: string; name: string }[];
}

/** What the collections settings page edits (admins): the dunning policy and each location's default collector. */
export async function getCollectionsSettings(access: CompanyAccess): Promise<CollectionsSettings> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may change the collections settings.');
  const companyId = access.company.id;
  const [policy, locations, collectors] = await Promise.all([
    loadDunningPolicy(companyId),
    prisma.location.findMany({
      where: { companyId },
      select: { id: true, name: true, collectorId: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    listCollectors(companyId),
  ]);
  return { policy, locations, collectors };
}
