import 'server-only';
import { prisma } from '@/lib/db/client';
import { PLAN_CACHED } from '@/lib/db/plan-cache';
import { hashToken } from '@/lib/tokens/token-hash';
import { ACCESS_COLUMNS, isCompanySlug, toCompanyAccess, type AccessRow, type CompanyAccess } from './get-company-access';

/**
 * A bearer token's access to the company `slug`, in one statement: null for a missing, unknown or revoked
 * token; `access` null when the slug is not the token's own company (or its user is no longer a member).
 */
export async function authenticateBearer(header: string | null, slug: string): Promise<{ userId: string; access: CompanyAccess | null } | null> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) return null;
  const [token] = await prisma.$queryRaw<
    ({ token_id: string; company_id: string; user_id: string; last_used_at: Date | null } & Partial<AccessRow>)[]
  >`${PLAN_CACHED}
    SELECT t.id AS token_id, t.company_id, t.user_id, t.last_used_at, a.*
    FROM api_tokens t
    LEFT JOIN LATERAL (
      SELECT ${ACCESS_COLUMNS}
      FROM companies c JOIN memberships m ON m.company_id = c.id AND m.user_id = t.user_id
      WHERE c.id = t.company_id AND c.slug = ${isCompanySlug(slug) ? slug : ''}
    ) a ON true
    WHERE t.token_hash = ${hashToken(match[1])} AND t.revoked_at IS NULL`;
  if (!token) return null;
  // Coarse last-used stamp: at most one write per token per minute keeps the API read path cheap.
  if (!token.last_used_at || Date.now() - token.last_used_at.getTime() > 60_000) {
    await prisma.apiToken.update({
      where: { companyId_id: { companyId: token.company_id, id: token.token_id } },
      data: { lastUsedAt: new Date() },
    });
  }
  const { role, company, locations, permissions } = token;
  const access = role && company && locations && permissions ? toCompanyAccess(token.user_id, { role, company, locations, permissions }) : null;
  return { userId: token.user_id, access };
}
