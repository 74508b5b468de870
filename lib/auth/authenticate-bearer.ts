import 'server-only';
import { prisma } from '@/lib/db/client';
import { hashToken } from '@/lib/tokens/token-hash';

/** The user and company a bearer token acts for, or null for a missing, unknown or revoked token. */
export async function authenticateBearer(header: string | null): Promise<{ userId: string; companyId: string } | null> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) return null;
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { companyId: true, id: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  // Coarse last-used stamp: at most one write per token per minute keeps the API read path cheap.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({
      where: { companyId_id: { companyId: token.companyId, id: token.id } },
      data: { lastUsedAt: new Date() },
    });
  }
  return { userId: token.userId, companyId: token.companyId };
}
