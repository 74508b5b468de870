'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { csvUpload, PAYMENT_IMPORT_MAX_MB } from '@/lib/actions/csv-upload';
import { importPayments } from '@/lib/ledger/import-payments';

export const importPaymentsAction = companyAction((access, csv: string) => importPayments(access, csvUpload(csv, PAYMENT_IMPORT_MAX_MB)), {
  revalidate: [EVERY_COMPANY_PAGE],
});
