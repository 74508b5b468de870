'use server';
import { revalidatePath } from 'next/cache';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import { requireActionAccess } from '@/lib/auth/require-action-access';
import { AppError } from '@/lib/errors/app-error';
import { applyCredit } from '@/lib/ledger/apply-credit';
import { importPayments, previewPaymentImport } from '@/lib/ledger/import-payments';
import { changeInvoiceState } from '@/lib/ledger/change-invoice-state';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';
import { recordPayment, type RecordedPayment } from '@/lib/ledger/record-payment';
import { writeOffInvoice } from '@/lib/ledger/write-off-invoice';

/** Money moved: every page that shows balances is stale. */
function refresh(slug: string) {
  revalidatePath(`/${slug}`, 'layout');
}

export async function recordPaymentAction(slug: string, input: unknown): Promise<ActionResult<RecordedPayment>> {
  return actionResult(async () => {
    const result = await recordPayment(await requireActionAccess(slug), input);
    refresh(slug);
    return result;
  });
}

export async function applyCreditAction(slug: string, input: unknown): Promise<ActionResult<{ unappliedMinor: number }>> {
  return actionResult(async () => {
    const result = await applyCredit(await requireActionAccess(slug), input);
    refresh(slug);
    return result;
  });
}

export async function recordCreditNoteAction(slug: string, input: unknown): Promise<ActionResult<{ creditNoteId: string }>> {
  return actionResult(async () => {
    const result = await recordCreditNote(await requireActionAccess(slug), input);
    refresh(slug);
    return result;
  });
}

export async function writeOffAction(slug: string, input: unknown): Promise<ActionResult<{ balanceMinor: number; status: string }>> {
  return actionResult(async () => {
    const { balanceMinor, status } = await writeOffInvoice(await requireActionAccess(slug), input);
    refresh(slug);
    return { balanceMinor, status };
  });
}

export async function changeInvoiceStateAction(slug: string, invoiceId: string, transition: 'post' | 'void' | 'archive'): Promise<ActionResult<{ status: string }>> {
  return actionResult(async () => {
    if (!['post', 'void', 'archive'].includes(transition)) throw new Error(`Unknown transition ${String(transition)}`);
    const result = await changeInvoiceState(await requireActionAccess(slug), String(invoiceId), transition);
    refresh(slug);
    return result;
  });
}

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

function csvText(csv: unknown): string {
  if (typeof csv !== 'string' || csv.length === 0) throw new AppError('BAD_REQUEST', 'Choose a CSV file.', [{ path: 'file', message: 'Missing' }]);
  if (csv.length > MAX_IMPORT_BYTES) throw new AppError('BAD_REQUEST', 'The file must be at most 2 MB.', [{ path: 'file', message: 'Too large' }]);
  return csv;
}

export async function previewPaymentImportAction(slug: string, csv: string): Promise<ActionResult<Awaited<ReturnType<typeof previewPaymentImport>>>> {
  return actionResult(async () => previewPaymentImport(await requireActionAccess(slug), csvText(csv)));
}

export async function importPaymentsAction(slug: string, csv: string): Promise<ActionResult<Awaited<ReturnType<typeof importPayments>>>> {
  return actionResult(async () => {
    const result = await importPayments(await requireActionAccess(slug), csvText(csv));
    refresh(slug);
    return result;
  });
}
