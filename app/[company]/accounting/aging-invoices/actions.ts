'use server';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import { requireActionAccess } from '@/lib/auth/require-action-access';
import { downloadInvoices } from '@/lib/invoices/download-invoices';
import { generateStatements, type GenerateResult } from '@/lib/statements/generate-statements';
import { previewStatements } from '@/lib/statements/preview-statements';

/** The merged invoice PDF, base64-encoded for the browser to save. */
export async function downloadInvoicesAction(
  slug: string, input: { customerIds: string[]; locations: string[] },
): Promise<ActionResult<{ filename: string; base64: string; invoiceCount: number }>> {
  return actionResult(async () => {
    const access = await requireActionAccess(slug);
    const file = await downloadInvoices(access, input);
    return { filename: file.filename, base64: Buffer.from(file.bytes).toString('base64'), invoiceCount: file.invoiceCount };
  });
}

export async function previewStatementsAction(slug: string, input: unknown): Promise<ActionResult<{ eligible: number }>> {
  return actionResult(async () => previewStatements(await requireActionAccess(slug), input));
}

export async function generateStatementsAction(slug: string, input: unknown): Promise<ActionResult<GenerateResult>> {
  return actionResult(async () => generateStatements(await requireActionAccess(slug), input));
}
