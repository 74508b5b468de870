import { AppError } from '@/lib/errors/app-error';

/** The uploaded CSV text, refused before parsing when missing or larger than the import allows. */
export function csvUpload(csv: unknown, maxMegabytes: number): string {
  if (typeof csv !== 'string' || csv.length === 0) throw new AppError('BAD_REQUEST', 'Choose a CSV file.', [{ path: 'file', message: 'Missing' }]);
  if (csv.length > maxMegabytes * 1024 * 1024) {
    throw new AppError('BAD_REQUEST', `The file must be at most ${maxMegabytes} MB.`, [{ path: 'file', message: 'Too large' }]);
  }
  return csv;
}

export const INVOICE_IMPORT_MAX_MB = 5;
export const PAYMENT_IMPORT_MAX_MB = 2;
