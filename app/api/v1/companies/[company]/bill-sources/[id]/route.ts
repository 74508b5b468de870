import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { saveBillSource } from '@/lib/billing/save-bill-source';

export const PUT = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => saveBillSource(access, await readJson(req), id));
