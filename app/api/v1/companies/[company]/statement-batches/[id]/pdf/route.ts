import { z } from 'zod';
import { fileResponse } from '@/lib/api/file-response';
import { withApiAccess } from '@/lib/api/with-api-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { notFound } from '@/lib/errors/app-error';
import { getStatementsPdf, safeFilePart } from '@/lib/statements/get-statement-pdf';
import { getVisibleStatementIds } from '@/lib/statements/get-visible-statement-ids';

/** The merged PDF of one Generate run: the statements of that batch the caller may see. */
export const GET = withApiAccess<{ company: string; id: string }>(async (_req, access, { id }) => {
  if (!z.guid().safeParse(id).success) throw notFound('Statement batch');
  const ids = await getVisibleStatementIds(access, { batchId: id });
  const filename = `${safeFilePart(access.company.name)} statements ${todayInTimeZone(access.company.timeZone)}.pdf`;
  const pdf = await getStatementsPdf(access.company.id, ids, filename);
  await writeAuditLog({
    companyId: access.company.id,
    userId: access.userId,
    action: 'statements.download',
    targetType: 'statement_batch',
    targetId: id,
    details: { statementCount: ids.length },
  });
  return fileResponse(pdf.bytes, pdf.filename);
});
