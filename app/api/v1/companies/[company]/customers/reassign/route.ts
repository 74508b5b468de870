import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { reassignCustomers } from '@/lib/collections/reassign-customers';

export const POST = withApiAccess(async (req, access) => reassignCustomers(access, await readJson(req)));
