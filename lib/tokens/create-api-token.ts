import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { hashToken, newTokenSecret, tokenDisplayPrefix } from './token-hash';

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(80, 'Name is at most 80 characters'),
});

/** Creates a personal token for a member of a company; the secret is returned once and only its hash is kept. */
export async function createApiToken(companyId: string, userId: string, input: unknown): Promise<{ id: string; name: string; secret: string }> {
  const { name } = parseOrThrow(createApiTokenSchema, input);
  const secret = newTokenSecret();
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { companyId, userId, name, tokenHash: hashToken(secret), tokenPrefix: tokenDisplayPrefix(secret) },
      select: { id: true, name: true },
    });
    await writeAuditLog({ companyId, userId, action: 'api_token.create', targetType: 'api_token', targetId: token.id, details: { name } }, tx);
    return { ...token, secret };
  });
}
