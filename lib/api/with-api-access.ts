import 'server-only';
import { NextResponse } from 'next/server';
import { authenticateBearer } from '@/lib/auth/authenticate-bearer';
import { getCompanyAccess, type CompanyAccess } from '@/lib/auth/get-company-access';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from './error-response';
import { withIdempotency } from './idempotency';

/**
 * Wraps a JSON API handler: authenticates (bearer token, else the browser session), resolves the company by
 * slug for that user (404 when not a member, or when a token of another company is used), and maps errors.
 * A handler returns JSON-able data, or a Response for files.
 */
export function withApiAccess<P extends { company: string }>(handler: (req: Request, access: CompanyAccess, params: P) => Promise<unknown>) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    try {
      const params = await ctx.params;
      const bearer = req.headers.get('authorization');
      let access: CompanyAccess | null;
      if (bearer) {
        const auth = await authenticateBearer(bearer, params.company);
        if (!auth) throw new AppError('UNAUTHORIZED', 'The API token is missing, unknown or revoked.');
        access = auth.access;
      } else {
        const userId = (await getSessionUser())?.id;
        if (!userId) throw new AppError('UNAUTHORIZED', 'Authentication required: send Authorization: Bearer <token>.');
        access = await getCompanyAccess(userId, params.company);
      }
      // A token acts in its own company only: another company's slug reads as one that does not exist.
      if (!access) throw new AppError('NOT_FOUND', `Company "${params.company}" not found.`);
      const found = access;
      return await withIdempotency(req, found, async () => {
        const result = await handler(req, found, params);
        return result instanceof Response ? result : NextResponse.json(result);
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
