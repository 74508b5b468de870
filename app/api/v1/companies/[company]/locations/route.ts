import { withApiAccess } from '@/lib/api/with-api-access';

export const GET = withApiAccess(async (_req, access) => ({ locations: access.viewLocations }));
