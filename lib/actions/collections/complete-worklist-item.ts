'use server';
import { companyAction } from '@/lib/actions/company-action';
import { completeWorklistItem } from '@/lib/collections/complete-worklist-item';

export const completeWorklistItemAction = companyAction((access, input: unknown) => completeWorklistItem(access, input), {
  revalidate: ['/collections', '/accounting/aging-invoices'],
});
