'use client';
import { formatMoney } from '@/lib/money/currency';
import { importInvoicesAction } from '@/lib/actions/invoices/import-invoices';
import { previewInvoiceImportAction } from '@/lib/actions/invoices/preview-invoice-import';
import { CsvImport, ImportOutcome } from './csv-import';

const th = 'px-4 py-2';

export function InvoiceImport({ slug }: { slug: string }) {
  return (
    <CsvImport
      inputId="invoices-file"
      noun="invoice"
      help={
        <>
          Columns: <code>customer</code>, <code>invoice_number</code>, <code>invoice_date</code>, <code>due_date</code> (may be empty where the
          customer has payment terms), <code>location</code> (name), <code>amount</code>, optional <code>currency</code>, optional{' '}
          <code>bill_source</code> (name), and optional line items <code>line_description</code>, <code>line_quantity</code>,{' '}
          <code>line_unit_price</code> (one row per line, repeating the invoice number). New customers are created by name.
        </>
      }
      preview={(csv) => previewInvoiceImportAction(slug, csv)}
      run={(csv) => importInvoicesAction(slug, csv)}
      done={(r) => `${r.importable} invoice${r.importable === 1 ? '' : 's'} imported`}
      table={(review) => (
        <table className="w-full text-sm">
          <caption className="sr-only">Invoices in the file</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className={th}>
                Lines
              </th>
              <th scope="col" className={th}>
                Invoice
              </th>
              <th scope="col" className={th}>
                Customer
              </th>
              <th scope="col" className={`${th} text-right`}>
                Amount
              </th>
              <th scope="col" className={th}>
                Result
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {review.groups.map((g) => (
              <tr key={`${g.number}-${g.lines[0]}`} className={g.error ? 'bg-red-50/50' : undefined}>
                <td className="tabular px-4 py-2 text-slate-500">{g.lines.join(', ')}</td>
                <td className="px-4 py-2">{g.number}</td>
                <td className="px-4 py-2">
                  {g.customer}
                  {g.newCustomer ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">new</span> : null}
                </td>
                <td className="tabular px-4 py-2 text-right">{g.amountMinor !== null ? formatMoney(g.amountMinor, g.currency) : '—'}</td>
                <td className="px-4 py-2">
                  <ImportOutcome error={g.error} duplicate={g.duplicate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
