import { AppError } from '@/lib/errors/app-error';
import type { CompanyAccess } from './get-company-access';
import type { Permission } from './permissions';

/** The locations where the user holds every one of `permissions` (an admin holds all, everywhere). */
export function permittedLocations(access: CompanyAccess, ...permissions: Permission[]): string[] {
  const [first = [], ...rest] = permissions.map((p) => (p === 'invoices.view' ? access.viewLocations.map((l) => l.id) : access.modifyLocationIds));
  return first.filter((id) => rest.every((ids) => ids.includes(id)));
}

/** Company-wide capabilities, held by role: managing the company's settings. */
export type Capability = Permission | 'company.manage';

/**
 * Whether the user holds `permission` on `locationId`, or on some location when none is given; the
 * company-wide `company.manage` belongs to admins.
 */
export function can(access: CompanyAccess, permission: Capability, locationId?: string): boolean {
  if (permission === 'company.manage') return access.role === 'admin';
  const ids = permittedLocations(access, permission);
  return locationId === undefined ? ids.length > 0 : ids.includes(locationId);
}

/**
 * An admin sees every location by role: a query for all of them may leave out the per-row location test
 * (on 1M invoices a 50-element ANY() costs more than the rest of the scan).
 */
export function seesEveryLocation(access: CompanyAccess): boolean {
  return access.role === 'admin';
}

/** `can`, or a FORBIDDEN error naming what is missing. */
export function assertCan(access: CompanyAccess, permission: Capability, locationId?: string, message?: string): void {
  if (can(access, permission, locationId)) return;
  throw new AppError(
    'FORBIDDEN',
    message ??
      (locationId ? `You need the ${permission} permission on this location.` : `You need the ${permission} permission on at least one location.`),
  );
}
