'use server';
import { companyAction } from '@/lib/actions/company-action';
import { decideReminders } from '@/lib/dunning/decide-reminders';

export const decideRemindersAction = companyAction((access, input: unknown) => decideReminders(access, input), {
  revalidate: ['/collections/runs'],
});
