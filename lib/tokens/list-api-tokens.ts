import 'server-only';
import { prisma } from '@/lib/db/client';

export interface ApiTokenSummary {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The user's own tokens in a company, newest first. */
export function listApiTokens(companyId: string, userId: string): Promise<ApiTokenSummary[]> {
  return prisma.apiToken.findMany({
    where: { companyId, userId },
    select: { id: true, name: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'desc' },
  });
}
