'use server';
import { companyAction } from '@/lib/actions/company-action';
import { setLocationCollector } from '@/lib/collections/set-location-collector';

export const setLocationCollectorAction = companyAction((access, input: unknown) => setLocationCollector(access, input), {
  // The customer and invoice pages, the worklist, and the aging grid's badges.
  revalidate: [{ layout: '/customers' }, { layout: '/invoices' }, '/collections', '/accounting/aging-invoices'],
});
