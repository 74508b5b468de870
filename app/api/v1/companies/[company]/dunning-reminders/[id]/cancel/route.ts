import { withApiAccess } from '@/lib/api/with-api-access';
import { decideReminders } from '@/lib/dunning/decide-reminders';

export const POST = withApiAccess<{ company: string; id: string }>(async (_req, access, { id }) =>
  decideReminders(access, { ids: [id], decision: 'cancel' }),
);
