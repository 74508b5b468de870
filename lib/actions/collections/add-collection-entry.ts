'use server';
import { companyAction } from '@/lib/actions/company-action';
import { addCollectionEntry } from '@/lib/collections/add-collection-entry';

export const addCollectionEntryAction = companyAction((access, input: unknown) => addCollectionEntry(access, input), {
  // The customer and invoice pages, the worklist, and the aging grid's badges.
  revalidate: [{ layout: '/customers' }, { layout: '/invoices' }, '/collections', '/accounting/aging-invoices'],
});
