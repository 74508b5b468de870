'use server';
import { companyAction } from '@/lib/actions/company-action';
import { placeHold } from '@/lib/collections/place-hold';

export const placeHoldAction = companyAction((access, input: unknown) => placeHold(access, input), {
  // The customer and invoice pages, the worklist, and the aging grid's badges.
  revalidate: [{ layout: '/customers' }, { layout: '/invoices' }, '/collections', '/accounting/aging-invoices'],
});
