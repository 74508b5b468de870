import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { decideReminders } from '@/lib/dunning/decide-reminders';

export const POST = withApiAccess(async (req, access) => decideReminders(access, await readJson(req)));
