'use client';
import { formatMoney } from '@/lib/money/currency';
import type { PaymentImportRow } from '@/lib/ledger/import-payments';
import { importPaymentsAction } from '@/lib/actions/ledger/import-payments';
import { previewPaymentImportAction } from '@/lib/actions/ledger/preview-payment-import';
import { CsvImport, ImportOutcome } from './csv-import';

const th = 'px-4 py-2';

export function PaymentImport({ slug }: { slug: string }) {
  return (
    <CsvImport
      inputId="payments-file"
      noun="payment"
      help={
        <>
          Columns: <code>invoice</code> (number or id), <code>amount</code> (like 1250.00), <code>date</code> (YYYY-MM-DD), <code>reference</code>,
          and optionally <code>method</code> (bank_transfer, check, card, cash, other).
        </>
      }
      preview={(csv) => previewPaymentImportAction(slug, csv)}
      run={async (csv) => {
        const result = await importPaymentsAction(slug, csv);
        return result.ok
          ? {
              ok: true,
              data: { ...result.data, importable: result.data.imported, errors: result.data.errors.length, rows: [] as PaymentImportRow[] },
            }
          : result;
      }}
      done={(r) =>
        `${r.importable} payment${r.importable === 1 ? '' : 's'} imported${r.duplicates ? `, ${r.duplicates} already imported` : ''}${r.errors ? `, ${r.errors} left out` : ''}`
      }
      table={(review) => (
        <table className="w-full text-sm">
          <caption className="sr-only">Rows of the file</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className={`${th} text-right`}>
                Line
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
                Date
              </th>
              <th scope="col" className={th}>
                Reference
              </th>
              <th scope="col" className={th}>
                Result
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {review.rows.map((r) => (
              <tr key={r.line} className={r.error ? 'bg-red-50/50' : undefined}>
                <td className="tabular px-4 py-2 text-right text-slate-500">{r.line}</td>
                <td className="px-4 py-2">{r.invoiceNumber ?? r.invoice}</td>
                <td className="px-4 py-2">{r.customerName ?? '—'}</td>
                <td className="tabular px-4 py-2 text-right">
                  {r.amountMinor !== undefined && r.currency ? formatMoney(r.amountMinor, r.currency) : r.amount}
                </td>
                <td className="px-4 py-2">{r.date}</td>
                <td className="px-4 py-2">{r.reference}</td>
                <td className="px-4 py-2">
                  <ImportOutcome error={r.error} duplicate={r.duplicate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
