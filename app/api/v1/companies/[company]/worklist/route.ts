import { withApiAccess } from '@/lib/api/with-api-access';
import { getWorklist } from '@/lib/collections/get-worklist';
import { worklistParamsInput } from '@/lib/collections/worklist-params';

export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  return getWorklist(
    access,
    worklistParamsInput((k) => query.get(k)),
  );
});
