'use server';
import { companyAction } from '@/lib/actions/company-action';
import { saveBillSource } from '@/lib/billing/save-bill-source';

/** Adds a bill source, or changes the one `id` names. */
export const saveBillSourceAction = companyAction((access, input: unknown, id?: string) => saveBillSource(access, input, id), {
  revalidate: ['/settings/bill-sources', '/settings/aging', '/aging'],
});
