import { fileResponse } from '@/lib/api/file-response';
import { withApiAccess } from '@/lib/api/with-api-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingParamsInput, agingParamsSchema } from '@/lib/receivables/aging-params';
import { exportAgingCsv } from '@/lib/receivables/export-aging-csv';

/** The aging page as CSV: the same query parameters as the JSON endpoint; every row, not one page. */
export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  const params = parseOrThrow(
    agingParamsSchema,
    agingParamsInput((k) => (k === 'page' || k === 'perPage' ? null : query.get(k))),
  );
  const { filename, csv } = await exportAgingCsv(access, params);
  return fileResponse(new TextEncoder().encode(csv), filename, 'text/csv; charset=utf-8');
});
