import { withApiAccess } from '@/lib/api/with-api-access';
import { getDashboard } from '@/lib/dashboard/get-dashboard';

/** The dashboard's figures as JSON, for the caller's locations. */
export const GET = withApiAccess(async (_req, access) => getDashboard(access));
