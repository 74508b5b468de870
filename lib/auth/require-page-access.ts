import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCompanyAccess, type CompanyAccess } from './get-company-access';
import { getSessionUser, type SessionUser } from './get-session-user';

/**
 * Every page under /[company] starts here: no session -> login (coming back afterwards), not a member of the
 * company -> 404, exactly as for a company that does not exist.
 */
export async function requirePageAccess(slug: string, returnTo: string): Promise<{ user: SessionUser; access: CompanyAccess }> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  const access = await getCompanyAccess(user.id, slug);
  if (!access) notFound();
  return { user, access };
}
