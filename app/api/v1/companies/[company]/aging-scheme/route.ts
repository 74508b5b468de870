import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { getAgingSchemeSettings } from '@/lib/settings/get-aging-scheme-settings';
import { updateAgingScheme } from '@/lib/settings/update-aging-scheme';

/** `?billSource=<id>`: that bill source's scheme; without it, the company's. */
const billSource = (req: Request) => new URL(req.url).searchParams.get('billSource');

export const GET = withApiAccess(async (req, access) => getAgingSchemeSettings(access, billSource(req)));
export const PUT = withApiAccess(async (req, access) => updateAgingScheme(access, await readJson(req), billSource(req)));
/** A bill source goes back to the company's scheme. */
export const DELETE = withApiAccess(async (req, access) => updateAgingScheme(access, null, billSource(req)));
