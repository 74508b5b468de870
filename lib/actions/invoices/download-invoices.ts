'use server';
import { companyAction } from '@/lib/actions/company-action';
import { downloadInvoices } from '@/lib/invoices/download-invoices';

/** The merged invoice PDF, base64-encoded: a server action's answer must be serializable for the browser to save. */
export const downloadInvoicesAction = companyAction(async (access, input: { customerIds: string[]; locations: string[] }) => {
  const file = await downloadInvoices(access, input);
  return { filename: file.filename, base64: Buffer.from(file.bytes).toString('base64'), invoiceCount: file.invoiceCount };
});
