import { fileResponse } from '@/lib/api/file-response';
import { withApiAccess } from '@/lib/api/with-api-access';
import { exportTransactionsCsv } from '@/lib/receivables/export-transactions-csv';

export const GET = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => {
  const q = new URL(req.url).searchParams;
  const { filename, csv } = await exportTransactionsCsv(access, id, {
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
    currency: q.get('currency')?.toUpperCase() || undefined,
  });
  return fileResponse(new TextEncoder().encode(csv), filename, 'text/csv; charset=utf-8');
});
