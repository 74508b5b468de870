'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { recordPayment } from '@/lib/ledger/record-payment';

export const recordPaymentAction = companyAction((access, input: unknown) => recordPayment(access, input), { revalidate: [EVERY_COMPANY_PAGE] });
