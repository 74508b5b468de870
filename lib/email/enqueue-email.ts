import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { parseOrThrow } from '@/lib/errors/zod-issues';

const oneLine = /^[^\r\n]*$/;

const enqueueEmailSchema = z.object({
  companyId: z.guid('Must be a company id'),
  statementId: z
    .guid('Must be a statement id')
    .nullish()
    .transform((v) => v ?? null),
  to: z.string().trim().pipe(z.email('Must be a valid email address').max(254, 'At most 254 characters')),
  subject: z.string().trim().min(1, 'Must not be empty').max(300, 'At most 300 characters').regex(oneLine, 'Must be one line'),
  bodyText: z.string().min(1, 'Must not be empty').max(100_000, 'At most 100,000 characters'),
  createdBy: z.guid('Must be a user id').nullable(),
});

export type EnqueueEmailInput = z.input<typeof enqueueEmailSchema>;

/**
 * Queues an email in the caller's transaction, so it is sent only if what it announces commits; recorded in the
 * audit log. The sender (lib/email/deliver-due-emails.ts) delivers it; call kickOutbox() after the commit.
 * An invalid field is a BAD_REQUEST naming it (e.g. "to: Must be a valid email address").
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, input: EnqueueEmailInput): Promise<{ id: string }> {
  const { companyId, statementId, to, subject, bodyText, createdBy } = parseOrThrow(enqueueEmailSchema, input);
  const { id } = await tx.emailOutbox.create({
    data: { companyId, statementId, toAddress: to, subject, bodyText, createdBy },
    select: { id: true },
  });
  await writeAuditLog(
    { companyId, userId: createdBy, action: 'email.queued', targetType: 'email', targetId: id, details: { to, subject, statementId } },
    tx,
  );
  return { id };
}
