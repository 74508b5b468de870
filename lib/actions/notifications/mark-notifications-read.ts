'use server';
import { companyAction } from '@/lib/actions/company-action';
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';

// Every page's header shows the unread count.
export const markNotificationsReadAction = companyAction((access, input: unknown) => markNotificationsRead(access, input), {
  revalidate: [{ layout: '' }],
});
