import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { getAgingSchemeSettings } from '@/lib/settings/get-aging-scheme-settings';
import { updateAgingScheme } from '@/lib/settings/update-aging-scheme';

export const GET = withApiAccess(async (_req, access) => getAgingSchemeSettings(access));
export const PUT = withApiAccess(async (req, access) => updateAgingScheme(access, await readJson(req)));
