import 'server-only';
import { prisma } from '@/lib/db/client';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { z } from 'zod';
import { notFound } from '@/lib/errors/app-error';

/** Revokes one of the user's own tokens in the company; anyone else's token is not found. */
export async function revokeApiToken(companyId: string, userId: string, tokenId: string): Promise<void> {
  if (typeof tokenId !== 'string' || !z.guid().safeParse(tokenId).success) throw notFound('API token');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { companyId, userId, id: tokenId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('API token');
    await writeAuditLog({ companyId, userId, action: 'api_token.revoke', targetType: 'api_token', targetId: tokenId }, tx);
  });
}
