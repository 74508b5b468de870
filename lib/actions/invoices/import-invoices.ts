'use server';
import { companyAction, EVERY_COMPANY_PAGE } from '@/lib/actions/company-action';
import { csvUpload, INVOICE_IMPORT_MAX_MB } from '@/lib/actions/csv-upload';
import { importInvoices } from '@/lib/invoices/import-invoices';

export const importInvoicesAction = companyAction((access, csv: string) => importInvoices(access, csvUpload(csv, INVOICE_IMPORT_MAX_MB)), {
  revalidate: [EVERY_COMPANY_PAGE],
});
