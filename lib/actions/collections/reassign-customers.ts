'use server';
import { companyAction } from '@/lib/actions/company-action';
import { reassignCustomers } from '@/lib/collections/reassign-customers';

export const reassignCustomersAction = companyAction((access, input: unknown) => reassignCustomers(access, input), {
  revalidate: ['/collections'],
});
