'use server';
import { companyAction } from '@/lib/actions/company-action';
import { saveCustomer } from '@/lib/customers/save-customer';

/** A customer's payment terms (null: none). */
export const setPaymentTermsAction = companyAction(
  (access, customerId: string, paymentTerms: unknown) => saveCustomer(access, { paymentTerms }, customerId),
  { revalidate: [{ layout: '/customers' }] },
);
