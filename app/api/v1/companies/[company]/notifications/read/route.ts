import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';

export const POST = withApiAccess(async (req, access) => markNotificationsRead(access, await readJson(req)));
