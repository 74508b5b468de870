'use server';
import { companyAction } from '@/lib/actions/company-action';
import { updateAgingScheme } from '@/lib/settings/update-aging-scheme';

/** `input` null gives a bill source back to the company's scheme. */
export const updateAgingSchemeAction = companyAction(
  (access, input: unknown, billSourceId: string | null) => updateAgingScheme(access, input, billSourceId),
  { revalidate: ['/settings/aging', '/aging', { layout: '/customers' }] },
);
