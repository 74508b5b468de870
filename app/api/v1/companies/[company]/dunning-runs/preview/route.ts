import { withApiAccess } from '@/lib/api/with-api-access';
import { previewDunningRun } from '@/lib/dunning/preview-dunning-run';

export const GET = withApiAccess(async (_req, access) => previewDunningRun(access));
