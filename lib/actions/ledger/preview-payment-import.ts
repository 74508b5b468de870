'use server';
import { companyAction } from '@/lib/actions/company-action';
import { csvUpload, PAYMENT_IMPORT_MAX_MB } from '@/lib/actions/csv-upload';
import { previewPaymentImport } from '@/lib/ledger/import-payments';

export const previewPaymentImportAction = companyAction((access, csv: string) => previewPaymentImport(access, csvUpload(csv, PAYMENT_IMPORT_MAX_MB)));
