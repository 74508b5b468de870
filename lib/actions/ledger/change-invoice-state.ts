'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { changeInvoiceState } from '@/lib/ledger/change-invoice-state';

type Transition = 'post' | 'void' | 'archive';

export const changeInvoiceStateAction = companyAction(
  (access, invoiceId: string, transition: Transition) => {
    // The types end at the network: a posted request can carry any transition and any id.
    if (!['post', 'void', 'archive'].includes(transition)) throw new Error(`Unknown transition ${String(transition)}`);
    return changeInvoiceState(access, String(invoiceId), transition);
  },
  { revalidate: [EVERY_COMPANY_PAGE] },
);
