import { withApiAccess } from '@/lib/api/with-api-access';
import { listNotifications } from '@/lib/notifications/list-notifications';

export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  return listNotifications(access, {
    page: query.get('page') ?? undefined,
    perPage: query.get('perPage') ?? undefined,
    unread: query.get('unread') ?? undefined,
  });
});
