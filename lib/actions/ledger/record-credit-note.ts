'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';

export const recordCreditNoteAction = companyAction((access, input: unknown) => recordCreditNote(access, input), {
  revalidate: [EVERY_COMPANY_PAGE],
});
