'use server';
import { revalidatePath } from 'next/cache';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import { requireActionAccess } from '@/lib/auth/require-action-access';
import { AppError } from '@/lib/errors/app-error';
import { importInvoices, previewInvoiceImport } from '@/lib/invoices/import-invoices';

type Review = Awaited<ReturnType<typeof previewInvoiceImport>>;

function csvText(csv: unknown): string {
  if (typeof csv !== 'string' || csv.length === 0) throw new AppError('BAD_REQUEST', 'Choose a CSV file.', [{ path: 'file', message: 'Missing' }]);
  if (csv.length > 5 * 1024 * 1024) throw new AppError('BAD_REQUEST', 'The file must be at most 5 MB.', [{ path: 'file', message: 'Too large' }]);
  return csv;
}

export async function previewInvoiceImportAction(slug: string, csv: string): Promise<ActionResult<Review>> {
  return actionResult(async () => previewInvoiceImport(await requireActionAccess(slug), csvText(csv)));
}

export async function importInvoicesAction(slug: string, csv: string): Promise<ActionResult<Review>> {
  return actionResult(async () => {
    const result = await importInvoices(await requireActionAccess(slug), csvText(csv));
    revalidatePath(`/${slug}`, 'layout');
    return result;
  });
}
