'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { CheckCircle2, FileUp, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/money/currency';
import type { InvoiceImportGroup } from '@/lib/invoices/import-invoices';
import { importInvoicesAction, previewInvoiceImportAction } from '@/app/[company]/accounting/import-invoices/actions';

interface Review { groups: InvoiceImportGroup[]; importable: number; duplicates: number; errors: number }

/** Upload customers and invoices as CSV, review each invoice, then import the valid ones together. */
export function InvoiceImport({ slug }: { slug: string }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function choose(file: File | undefined) {
    setReview(null);
    setError(null);
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    startTransition(async () => {
      const result = await previewInvoiceImportAction(slug, text);
      if (result.ok) setReview(result.data);
      else { setError(result.message); toast.error(result.message); }
    });
  }

  function runImport() {
    if (!csv) return;
    startTransition(async () => {
      const result = await importInvoicesAction(slug, csv);
      if (!result.ok) return void toast.error(result.message);
      toast.success(`${result.data.importable} invoice${result.data.importable === 1 ? '' : 's'} imported`);
      const again = await previewInvoiceImportAction(slug, csv);
      if (again.ok) setReview(again.data);
    });
  }

  return (
    <div className="space-y-4">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <label htmlFor="invoices-file" className="text-sm font-medium">CSV file</label>
        <p id="invoices-file-help" className="text-xs text-slate-500">
          Columns: <code>customer</code>, <code>invoice_number</code>, <code>invoice_date</code>, <code>due_date</code>, <code>location</code> (name),
          <code> amount</code>, optional <code>currency</code>, and optional line items <code>line_description</code>, <code>line_quantity</code>,
          <code> line_unit_price</code> (one row per line, repeating the invoice number). New customers are created by name.
        </p>
        <input id="invoices-file" type="file" accept=".csv,text/csv" aria-describedby="invoices-file-help" aria-invalid={Boolean(error)}
          className="mt-3 block text-sm" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        {error ? <p role="alert" className="mt-2 text-sm text-red-600">{error}</p> : null}
        {pending ? <p role="status" className="mt-2 text-sm text-slate-500">Working…</p> : null}
      </div>
      {review ? (
        <section aria-labelledby="invoice-review" className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id="invoice-review" className="font-semibold">Review</h2>
            <p aria-live="polite" className="text-sm text-slate-600">{review.importable} to import · {review.duplicates} already imported · {review.errors} with problems</p>
            <Button className="ml-auto" onClick={runImport} disabled={pending || review.importable === 0}>
              <FileUp className="size-4" aria-hidden /> Import {review.importable} invoice{review.importable === 1 ? '' : 's'}
            </Button>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Invoices in the file</caption>
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">Lines</th><th scope="col" className="px-4 py-2">Invoice</th>
                  <th scope="col" className="px-4 py-2">Customer</th><th scope="col" className="px-4 py-2 text-right">Amount</th>
                  <th scope="col" className="px-4 py-2">Result</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {review.groups.map((g) => (
                  <tr key={`${g.number}-${g.lines[0]}`} className={g.error ? 'bg-red-50/50' : undefined}>
                    <td className="tabular px-4 py-2 text-slate-500">{g.lines.join(', ')}</td>
                    <td className="px-4 py-2">{g.number}</td>
                    <td className="px-4 py-2">{g.customer}{g.newCustomer ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">new</span> : null}</td>
                    <td className="tabular px-4 py-2 text-right">{g.amountMinor !== null ? formatMoney(g.amountMinor, g.currency) : '—'}</td>
                    <td className="px-4 py-2">
                      {g.error ? <span className="inline-flex items-start gap-1 text-red-700"><XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />{g.error}</span>
                        : g.duplicate ? <span className="text-slate-500">Already imported</span>
                        : <span className="inline-flex items-center gap-1 text-emerald-700"><CheckCircle2 className="size-4" aria-hidden />Will be imported</span>}
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
