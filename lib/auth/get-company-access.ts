import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { PLAN_CACHED } from '@/lib/db/plan-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { locationsWith, type CompanyRole, type LocationGrant } from './permissions';

export interface CompanyAccess {
  userId: string;
  role: CompanyRole;
  company: { id: string; slug: string; name: string; timeZone: string; baseCurrency: string };
  /** Every location of the company the user may view, ordered by name. */
  viewLocations: { id: string; name: string }[];
  modifyLocationIds: string[];
}

export interface AccessRow {
  role: CompanyRole;
  company: CompanyAccess['company'];
  locations: { id: string; name: string }[];
  permissions: LocationGrant[];
}

/** The shape the companies table allows (its CHECK): anything else, e.g. a NUL from `%00` in the URL, names no company. */
export const isCompanySlug = (slug: string) => /^[a-z0-9][a-z0-9-]{1,62}$/.test(slug);

/**
 * The columns of an AccessRow for membership `m` of company `c`: the company, its locations and the
 * member's grants, so that access costs one statement (every request starts with it).
 */
export const ACCESS_COLUMNS = Prisma.sql`m.role,
      json_build_object('id', c.id, 'slug', c.slug, 'name', c.name, 'timeZone', c.time_zone, 'baseCurrency', c.base_currency) AS company,
      coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name) ORDER BY l.name, l.id)
                FROM locations l WHERE l.company_id = c.id), '[]') AS locations,
      coalesce((SELECT json_agg(json_build_object('locationId', p.location_id, 'permission', p.permission))
                FROM location_permissions p WHERE p.company_id = c.id AND p.user_id = m.user_id), '[]') AS permissions`;

export function toCompanyAccess(userId: string, { role, company, locations, permissions }: AccessRow): CompanyAccess {
  const allIds = locations.map((l) => l.id);
  const viewIds = new Set(locationsWith('invoices.view', role, permissions, allIds));
  return {
    userId,
    role,
    company,
    viewLocations: locations.filter((l) => viewIds.has(l.id)),
    modifyLocationIds: locationsWith('invoices.modify', role, permissions, allIds),
  };
}

/** The user's access to a company by slug; null when the company does not exist or the user is not a member. */
export async function getCompanyAccess(userId: string, slug: string): Promise<CompanyAccess | null> {
  if (!z.guid().safeParse(userId).success || !isCompanySlug(slug)) return null;
  const [row] = await prisma.$queryRaw<AccessRow[]>`${PLAN_CACHED}
    SELECT ${ACCESS_COLUMNS}
    FROM companies c JOIN memberships m ON m.company_id = c.id AND m.user_id = ${userId}::uuid
    WHERE c.slug = ${slug}`;
  return row ? toCompanyAccess(userId, row) : null;
}
