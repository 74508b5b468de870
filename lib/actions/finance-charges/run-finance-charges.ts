'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { runFinanceCharges } from '@/lib/finance-charges/run-finance-charges';

/** Creates this month's finance-charge invoices: balances change on every page. */
export const runFinanceChargesAction = companyAction((access) => runFinanceCharges(access), { revalidate: [EVERY_COMPANY_PAGE] });
