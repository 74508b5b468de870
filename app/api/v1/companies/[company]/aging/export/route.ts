import { withApiAccess } from '@/lib/api/with-api-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingParamsInput, agingParamsSchema } from '@/lib/receivables/aging-params';
import { exportAgingReport } from '@/lib/receivables/export-aging-report';
import { reportResponse } from '@/lib/reports/report-response';
import { reportFormatSchema } from '@/lib/reports/tabular-report';
import { z } from 'zod';

/** The aging page as CSV, Excel or PDF (`format`): the same query parameters as the JSON endpoint; every row, not one page. */
export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  const params = parseOrThrow(
    agingParamsSchema,
    agingParamsInput((k) => (k === 'page' || k === 'perPage' ? null : query.get(k))),
  );
  const { format } = parseOrThrow(z.object({ format: reportFormatSchema }), { format: query.get('format') ?? undefined });
  return reportResponse(await exportAgingReport(access, params, format), format);
});
