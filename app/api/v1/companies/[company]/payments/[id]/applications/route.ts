import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { applyCredit } from '@/lib/ledger/apply-credit';

export const POST = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) =>
  applyCredit(access, { ...((await readJson(req)) as object), source: 'payment', id }),
);
