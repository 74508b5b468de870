'use server';
import { companyAction } from '@/lib/actions/company-action';
import { csvUpload, INVOICE_IMPORT_MAX_MB } from '@/lib/actions/csv-upload';
import { previewInvoiceImport } from '@/lib/invoices/import-invoices';

export const previewInvoiceImportAction = companyAction((access, csv: string) => previewInvoiceImport(access, csvUpload(csv, INVOICE_IMPORT_MAX_MB)));
