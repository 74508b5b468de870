'use server';
import { companyAction } from '@/lib/actions/company-action';
import { endHold } from '@/lib/collections/end-hold';

export const endHoldAction = companyAction((access, input: unknown) => endHold(access, input), {
  // The customer and invoice pages, the worklist, and the aging grid's badges.
  revalidate: [{ layout: '/customers' }, { layout: '/invoices' }, '/collections', '/accounting/aging-invoices'],
});
