'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { writeOffInvoice } from '@/lib/ledger/write-off-invoice';

export const writeOffAction = companyAction(
  async (access, input: unknown) => {
    const { balanceMinor, status } = await writeOffInvoice(access, input);
    return { balanceMinor, status };
  },
  { revalidate: [EVERY_COMPANY_PAGE] },
);
