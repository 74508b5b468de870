'use server';
import { companyAction } from '@/lib/actions/company-action';
import { updateAgingScheme } from '@/lib/settings/update-aging-scheme';

export const updateAgingSchemeAction = companyAction((access, input: unknown) => updateAgingScheme(access, input), {
  revalidate: ['/settings/aging', '/aging', { layout: '/customers' }],
});
