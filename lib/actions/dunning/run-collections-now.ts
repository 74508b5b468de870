'use server';
import { companyAction } from '@/lib/actions/company-action';
import { runCollectionsNow } from '@/lib/dunning/run-collections-now';

export const runCollectionsNowAction = companyAction((access) => runCollectionsNow(access, 'manual'), {
  revalidate: ['/collections/runs'],
});
