import { withApiAccess } from '@/lib/api/with-api-access';
import { previewDunningRun } from '@/lib/dunning/preview-dunning-run';

export const GET = withApiAccess(async (req, access) => {
  const q = new URL(req.url).searchParams;
  return previewDunningRun(access, { page: q.get('page') ?? undefined, perPage: q.get('perPage') ?? undefined });
});
