import { z } from 'zod';
import { fileResponse } from '@/lib/api/file-response';
import { withApiAccess } from '@/lib/api/with-api-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { notFound } from '@/lib/errors/app-error';
import { getStatementPdf } from '@/lib/statements/get-statement-pdf';
import { getVisibleStatementIds } from '@/lib/statements/get-visible-statement-ids';

export const GET = withApiAccess<{ company: string; id: string }>(async (_req, access, { id }) => {
  if (!z.guid().safeParse(id).success) throw notFound('Statement');
  await getVisibleStatementIds(access, { statementId: id });
  const pdf = await getStatementPdf(access.company.id, id);
  await writeAuditLog({ companyId: access.company.id, userId: access.userId, action: 'statements.download', targetType: 'statement', targetId: id });
  return fileResponse(pdf.bytes, pdf.filename);
});
