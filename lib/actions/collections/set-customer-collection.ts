'use server';
import { companyAction } from '@/lib/actions/company-action';
import { setCustomerCollection } from '@/lib/collections/set-customer-collection';

export const setCustomerCollectionAction = companyAction((access, input: unknown) => setCustomerCollection(access, input), {
  // The customer and invoice pages, the worklist, and the aging grid's badges.
  revalidate: [{ layout: '/customers' }, { layout: '/invoices' }, '/collections', '/accounting/aging-invoices'],
});
