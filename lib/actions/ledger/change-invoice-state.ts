'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { changeInvoiceState } from '@/lib/ledger/change-invoice-state';

type Transition = 'post' | 'void' | 'archive';

export const changeInvoiceStateAction = companyAction(
  (access, invoiceId: string, transition: Transition) => changeInvoiceState(access, invoiceId, transition),
  { revalidate: [EVERY_COMPANY_PAGE] },
);
