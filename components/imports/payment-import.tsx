'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { CheckCircle2, FileUp, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/money/currency';
import type { PaymentImportRow } from '@/lib/ledger/import-payments';
import { importPaymentsAction, previewPaymentImportAction } from '@/app/[company]/accounting/payments/actions';

interface Preview { rows: PaymentImportRow[]; importable: number; duplicates: number; errors: number }

/** Upload a CSV, review every row with its problem, then import the valid ones in one go. */
export function PaymentImport({ slug }: { slug: string }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function choose(file: File | undefined) {
    setPreview(null);
    setError(null);
    if (!file) return setCsv(null);
    setFileName(file.name);
    const text = await file.text();
    setCsv(text);
    startTransition(async () => {
      const result = await previewPaymentImportAction(slug, text);
      if (result.ok) setPreview(result.data);
      else {
        setError(result.message);
        toast.error(result.message);
      }
    });
  }

  function runImport() {
    if (!csv) return;
    startTransition(async () => {
      const result = await importPaymentsAction(slug, csv);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      const { imported, duplicates, errors } = result.data;
      toast.success(`${imported} payment${imported === 1 ? '' : 's'} imported${duplicates ? `, ${duplicates} already imported` : ''}${errors.length ? `, ${errors.length} left out` : ''}`);
      const again = await previewPaymentImportAction(slug, csv);
      if (again.ok) setPreview(again.data);
    });
  }

  return (
    <div className="space-y-4">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <label htmlFor="payments-file" className="text-sm font-medium">CSV file</label>
        <p id="payments-file-help" className="text-xs text-slate-500">
          Columns: <code>invoice</code> (number or id), <code>amount</code> (like 1250.00), <code>date</code> (YYYY-MM-DD), <code>reference</code>, and optionally <code>method</code> (bank_transfer, check, card, cash, other).
        </p>
        <input id="payments-file" type="file" accept=".csv,text/csv" aria-describedby="payments-file-help" aria-invalid={Boolean(error)}
          className="mt-3 block text-sm" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        {error ? <p role="alert" className="mt-2 text-sm text-red-600">{error}</p> : null}
        {pending ? <p role="status" className="mt-2 text-sm text-slate-500">Working…</p> : null}
      </div>
      {preview ? (
        <section aria-labelledby="review-title" className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id="review-title" className="font-semibold">Review {fileName}</h2>
            <p aria-live="polite" className="text-sm text-slate-600">
              {preview.importable} to import · {preview.duplicates} already imported · {preview.errors} with problems
            </p>
            <Button className="ml-auto" onClick={runImport} disabled={pending || preview.importable === 0}>
              <FileUp className="size-4" aria-hidden /> Import {preview.importable} payment{preview.importable === 1 ? '' : 's'}
            </Button>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Rows of the file</caption>
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 text-right">Line</th>
                  <th scope="col" className="px-4 py-2">Invoice</th>
                  <th scope="col" className="px-4 py-2">Customer</th>
                  <th scope="col" className="px-4 py-2 text-right">Amount</th>
                  <th scope="col" className="px-4 py-2">Date</th>
                  <th scope="col" className="px-4 py-2">Reference</th>
                  <th scope="col" className="px-4 py-2">Result</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.error ? 'bg-red-50/50' : undefined}>
                    <td className="tabular px-4 py-2 text-right text-slate-500">{r.line}</td>
                    <td className="px-4 py-2">{r.invoiceNumber ?? r.invoice}</td>
                    <td className="px-4 py-2">{r.customerName ?? '—'}</td>
                    <td className="tabular px-4 py-2 text-right">{r.amountMinor !== undefined && r.currency ? formatMoney(r.amountMinor, r.currency) : r.amount}</td>
                    <td className="px-4 py-2">{r.date}</td>
                    <td className="px-4 py-2">{r.reference}</td>
                    <td className="px-4 py-2">
                      {r.error ? (
                        <span className="inline-flex items-start gap-1 text-red-700"><XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />{r.error}</span>
                      ) : r.duplicate ? (
                        <span className="text-slate-500">Already imported</span>
                      ) : (
                        <span className="inline-flex items-center gap-1 text-emerald-700"><CheckCircle2 className="size-4" aria-hidden />Will be imported</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
