'use server';
import { companyAction } from '@/lib/actions/company-action';
import { updateDunningPolicy } from '@/lib/dunning/update-dunning-policy';

export const updateDunningPolicyAction = companyAction((access, input: unknown) => updateDunningPolicy(access, input), {
  revalidate: ['/settings/collections', '/collections/runs'],
});
