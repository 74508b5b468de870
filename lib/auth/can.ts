import { AppError } from '@/lib/errors/app-error';
import type { CompanyAccess } from './get-company-access';
import type { Permission } from './permissions';

/** The locations where the user holds every one of `permissions` (an admin holds all, everywhere). */
export function permittedLocations(access: CompanyAccess, ...permissions: Permission[]): string[] {
  const sets = permissions.map((p) => new Set(p === 'invoices.view' ? access.viewLocations.map((l) => l.id) : access.modifyLocationIds));
  return access.viewLocations
    .map((l) => l.id)
    .concat(access.modifyLocationIds)
    .filter((id, i, all) => all.indexOf(id) === i && sets.every((s) => s.has(id)));
}

/** Whether the user holds `permission` on `locationId`, or on some location when none is given. */
export function can(access: CompanyAccess, permission: Permission, locationId?: string): boolean {
  const ids = permittedLocations(access, permission);
  return locationId === undefined ? ids.length > 0 : ids.includes(locationId);
}

/** `can`, or a FORBIDDEN error naming what is missing. */
export function assertCan(access: CompanyAccess, permission: Permission, locationId?: string, message?: string): void {
  if (can(access, permission, locationId)) return;
  throw new AppError(
    'FORBIDDEN',
    message ??
      (locationId ? `You need the ${permission} permission on this location.` : `You need the ${permission} permission on at least one location.`),
  );
}
