'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { applyCredit } from '@/lib/ledger/apply-credit';

export const applyCreditAction = companyAction((access, input: unknown) => applyCredit(access, input), { revalidate: [EVERY_COMPANY_PAGE] });
