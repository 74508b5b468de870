import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';

type Db = Pick<typeof prisma, 'auditLog'> | Prisma.TransactionClient;

export interface AuditEntry {
  companyId: string;
  userId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
}

/** Appends to the audit log; pass the transaction client so the entry commits with the change it records. */
export async function writeAuditLog(entry: AuditEntry, db: Db = prisma): Promise<void> {
  await db.auditLog.create({ data: { ...entry, details: entry.details ?? {} } });
}
