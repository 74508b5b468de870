import { bucketFor, daysPastDue } from '../../lib/aging/age-invoices';
import { Checker, sumOf } from './load-checker';
import type { CustomerAging } from '../../lib/receivables/get-customer-aging';
import type { Persona } from './load-personas';

/** GET …/customers/{id}/aging as the API answers it. */
export type CustomerAgingJson = CustomerAging;

/** GET …/customers/{id}/transactions (lib/receivables/get-customer-transactions.ts). */
export interface TransactionsJson {
  customer: { id: string; name: string };
  currency: string;
  openingBalanceMinor: number;
  transactions: {
    date: string;
    kind: 'invoice' | 'payment' | 'credit_note' | 'write_off';
    id: string;
    reference: string;
    amountMinor: number;
    balanceMinor: number;
  }[];
}

/**
 * A customer's aging: the customer asked for, each summary adding up, each invoice in a location the caller
 * may view, aged right on the as-of date, and (when the list is complete) the invoices adding up to the summaries.
 */
export function checkCustomerAging(c: Checker, r: CustomerAgingJson, persona: Persona, customerId: string, asOf?: string): void {
  const buckets = persona.buckets;
  c.eq(r.customer?.id, customerId, 'customer id');
  c.eq(r.customer?.name, persona.visible.get(customerId)?.name, 'customer name');
  if (asOf) c.eq(r.asOf, asOf, 'asOf');
  const keys = buckets.map((b) => b.key);
  c.eq(r.buckets.map((b) => b.key).join(','), keys.join(','), 'buckets');
  c.eq(new Set(r.summaries.map((s) => s.currency)).size, r.summaries.length, 'one summary per currency');
  for (const s of r.summaries) {
    for (const k of keys) c.money(s.amounts[k], `${s.currency} ${k}`, { min: 0 });
    c.eq(s.total, sumOf(s.amounts, keys), `${s.currency} summary total against its buckets`);
  }
  const sums = new Map<string, Record<string, number>>();
  for (const inv of r.invoices) {
    const what = `invoice ${inv.number}`;
    c.ok(persona.viewLocationNames.has(inv.location), `${what} is in ${inv.location}, a location the caller may not view`);
    c.ok(inv.balance > 0 && inv.balance <= inv.amount, `${what}: balance ${inv.balance} of amount ${inv.amount}`);
    c.eq(inv.daysPastDue, Math.max(0, daysPastDue(inv.dueDate, r.asOf)), `${what} days past due`);
    c.eq(inv.bucket, bucketFor(buckets, inv, r.asOf).key, `${what} (invoiced ${inv.invoiceDate}, due ${inv.dueDate}) bucket on ${r.asOf}`);
    const s = sums.get(inv.currency) ?? {};
    s[inv.bucket] = (s[inv.bucket] ?? 0) + inv.balance;
    sums.set(inv.currency, s);
  }
  if (r.invoicesTruncated) return;
  // A currency with only money on account has a summary without invoices.
  const owed = r.summaries.filter((s) => s.total > 0);
  c.eq(
    [...sums.keys()].sort().join(','),
    owed
      .map((s) => s.currency)
      .sort()
      .join(','),
    'currencies of the invoices against the summaries owing',
  );
  for (const s of r.summaries) {
    c.ok(s.unapplied >= 0 && (s.total > 0 || s.unapplied > 0), `${s.currency} summary: total ${s.total}, unapplied ${s.unapplied}`);
    c.eq(s.net, s.total - s.unapplied, `${s.currency} net: total less unapplied`);
    for (const k of keys) c.eq(sums.get(s.currency)?.[k] ?? 0, s.amounts[k], `${s.currency} ${k}: the invoices listed against the summary`);
  }
}

/** The summary total in `currency`, 0 when the customer owes nothing in it. */
export function agingTotal(r: CustomerAgingJson, currency: string): number {
  return r.summaries.find((s) => s.currency === currency)?.total ?? 0;
}

/** Transactions: the customer asked for, oldest first, the running balance right at every line. */
export function checkTransactions(c: Checker, r: TransactionsJson, persona: Persona, customerId: string): void {
  c.eq(r.customer?.id, customerId, 'customer id');
  c.eq(r.customer?.name, persona.visible.get(customerId)?.name, 'customer name');
  c.eq(r.currency, persona.currency, 'currency');
  c.eq(r.openingBalanceMinor, 0, 'opening balance without a date range');
  let balance = r.openingBalanceMinor;
  r.transactions.forEach((t, i) => {
    balance += t.amountMinor;
    c.eq(t.balanceMinor, balance, `line ${i + 1} (${t.kind} ${t.reference}) running balance`);
    c.ok(t.kind === 'invoice' ? t.amountMinor > 0 : t.amountMinor < 0, `line ${i + 1}: ${t.kind} of ${t.amountMinor}`);
    if (i > 0) c.ok(t.date >= r.transactions[i - 1]!.date, `line ${i + 1} dated ${t.date} after a line dated ${r.transactions[i - 1]!.date}`);
  });
}

/** What the customer owes in the transactions' currency after the last line. */
export function closingBalance(r: TransactionsJson): number {
  return r.transactions.at(-1)?.balanceMinor ?? r.openingBalanceMinor;
}
