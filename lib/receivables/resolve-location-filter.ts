import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { seesEveryLocation } from '@/lib/auth/can';

/**
 * The locations a query may read: the requested ones, each of which the user must be allowed to view, or
 * every location they may view when none are requested.
 */
export function resolveLocationFilter(access: CompanyAccess, requested: string[]): string[] {
  const permitted = new Set(access.viewLocations.map((l) => l.id));
  if (permitted.size === 0) throw new AppError('FORBIDDEN', 'You have no permission to view invoices in any location of this company.');
  if (requested.length === 0) return [...permitted];
  const denied = requested.filter((id) => !permitted.has(id));
  if (denied.length > 0) {
    throw new AppError('FORBIDDEN', `You may not view invoices in location ${denied.join(', ')}.`, [
      { path: 'locations', message: 'Includes a location you may not view' },
    ]);
  }
  return requested;
}

/**
 * The location filter for an aggregate query: null (no per-row location test) when the user is an admin, who
 * sees every location by role, and asked for none; otherwise the resolved list. On 1M invoices a 50-element
 * ANY() on every row costs more than the rest of the scan.
 */
export function locationScope(access: CompanyAccess, requested: string[]): string[] | null {
  const locationIds = resolveLocationFilter(access, requested);
  return seesEveryLocation(access) && requested.length === 0 ? null : locationIds;
}
