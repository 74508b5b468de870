import 'server-only';
import { prisma } from '@/lib/db/client';
import { locationsWith, type CompanyRole } from './permissions';

export interface CompanyAccess {
  userId: string;
  role: CompanyRole;
  company: { id: string; slug: string; name: string; timeZone: string; baseCurrency: string };
  /** Every location of the company the user may view, ordered by name. */
  viewLocations: { id: string; name: string }[];
  modifyLocationIds: string[];
}

/** The user's access to a company by slug; null when the company does not exist or the user is not a member. */
export async function getCompanyAccess(userId: string, slug: string): Promise<CompanyAccess | null> {
  const membership = await prisma.membership.findFirst({
    where: { userId, company: { slug } },
    select: {
      role: true,
      company: {
        select: {
          id: true, slug: true, name: true, timeZone: true, baseCurrency: true,
          locations: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
        },
      },
      permissions: { select: { locationId: true, permission: true } },
    },
  });
  if (!membership) return null;
  const { locations, ...company } = membership.company;
  const role = membership.role as CompanyRole;
  const allIds = locations.map((l) => l.id);
  const viewIds = new Set(locationsWith('invoices.view', role, membership.permissions, allIds));
  return {
    userId,
    role,
    company,
    viewLocations: locations.filter((l) => viewIds.has(l.id)),
    modifyLocationIds: locationsWith('invoices.modify', role, membership.permissions, allIds),
  };
}
