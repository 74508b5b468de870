import 'server-only';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { toCsv } from '@/lib/csv/to-csv';
import { minorToDecimal } from '@/lib/money/currency';
import { getCustomerTransactions, type CustomerTransaction } from './get-customer-transactions';

const KIND_LABELS: Record<CustomerTransaction['kind'], string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  credit_note: 'Credit note',
  write_off: 'Write-off',
};

/** A customer's transactions as CSV, opening balance first when a date range starts later. */
export async function exportTransactionsCsv(access: CompanyAccess, customerId: string, input: unknown): Promise<{ filename: string; csv: string }> {
  const t = await getCustomerTransactions(access, customerId, input);
  const money = (minor: number) => minorToDecimal(minor, t.currency);
  const rows: CustomerTransaction[] = t.from
    ? [
        { date: t.from, kind: 'invoice', id: '', reference: 'Opening balance', amountMinor: 0, balanceMinor: t.openingBalanceMinor },
        ...t.transactions,
      ]
    : t.transactions;
  const csv = toCsv<CustomerTransaction>(
    [
      { header: 'Date', value: (r) => r.date },
      { header: 'Type', value: (r) => (r.id === '' ? '' : KIND_LABELS[r.kind]) },
      { header: 'Reference', text: true, value: (r) => r.reference },
      { header: 'Amount', value: (r) => (r.id === '' ? '' : money(r.amountMinor)) },
      { header: 'Balance', value: (r) => money(r.balanceMinor) },
      { header: 'Currency', value: () => t.currency },
    ],
    rows,
  );
  const name =
    t.customer.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'customer';
  return { filename: `${name}-transactions-${t.currency}.csv`, csv };
}
