import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { getCompanyAccess, type CompanyAccess } from './get-company-access';
import { getSessionUser } from './get-session-user';

/** Server actions are public POST endpoints: each one resolves the session and company itself. */
export async function requireActionAccess(slug: string): Promise<CompanyAccess> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again.');
  const access = await getCompanyAccess(user.id, slug);
  if (!access) throw new AppError('NOT_FOUND', 'Company not found.');
  return access;
}
