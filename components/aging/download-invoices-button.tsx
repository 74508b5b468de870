'use client';
import { useState } from 'react';
import { toast } from 'sonner';
import { Download, Loader2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { downloadInvoicesAction } from '@/lib/actions/invoices/download-invoices';

/** Saves base64 bytes as a file: a Blob behind a temporary object URL and a clicked <a download>. */
function saveBase64(base64: string, filename: string, type: string) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Download: every open invoice of the selected customers (in the page's locations) as one PDF. */
export function DownloadInvoicesButton({ slug, customerIds, locations }: { slug: string; customerIds: string[]; locations: string[] }) {
  const [running, setRunning] = useState(false);

  async function download() {
    if (customerIds.length === 0) {
      toast.error('No customers selected.');
      return;
    }
    setRunning(true);
    const id = toast.loading(`Preparing the invoices of ${customerIds.length} customer${customerIds.length === 1 ? '' : 's'}…`);
    try {
      const result = await downloadInvoicesAction(slug, { customerIds, locations });
      if (!result.ok) {
        toast.error(result.message, { id });
        return;
      }
      saveBase64(result.data.base64, result.data.filename, 'application/pdf');
      const n = result.data.invoiceCount;
      toast.success(`Downloaded ${n} invoice${n === 1 ? '' : 's'}`, { id });
    } catch (error) {
      console.error('Invoice download failed', error);
      toast.error('Download failed.', { id });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Button variant="secondary" size="sm" onClick={download} disabled={running} aria-busy={running || undefined}>
      {running ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Download className="size-4" aria-hidden />}
      Download
    </Button>
  );
}
