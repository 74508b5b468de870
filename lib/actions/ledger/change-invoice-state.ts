'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { changeInvoiceState, type Transition } from '@/lib/ledger/change-invoice-state';

export const changeInvoiceStateAction = companyAction(
  (access, invoiceId: string, transition: Transition) => changeInvoiceState(access, invoiceId, transition),
  { revalidate: [EVERY_COMPANY_PAGE] },
);
