export const PERMISSIONS = ['invoices.view', 'invoices.modify'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type CompanyRole = 'admin' | 'member';

export interface LocationGrant {
  locationId: string;
  permission: string;
}

/**
 * The locations where a user holds `permission`: all of them for a company admin, otherwise exactly the
 * granted ones (modify does not imply view; the seed grants both where both apply).
 */
export function locationsWith(permission: Permission, role: CompanyRole, grants: LocationGrant[], allLocationIds: string[]): string[] {
  if (role === 'admin') return [...allLocationIds];
  const granted = new Set(grants.filter((g) => g.permission === permission).map((g) => g.locationId));
  return allLocationIds.filter((id) => granted.has(id));
}
