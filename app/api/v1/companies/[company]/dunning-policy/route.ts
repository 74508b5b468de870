import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { getDunningPolicy } from '@/lib/dunning/get-dunning-policy';
import { updateDunningPolicy } from '@/lib/dunning/update-dunning-policy';

export const GET = withApiAccess(async (_req, access) => getDunningPolicy(access));
export const PUT = withApiAccess(async (req, access) => updateDunningPolicy(access, await readJson(req)));
