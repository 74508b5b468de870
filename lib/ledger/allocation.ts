/** Pure allocation rules for applying a payment or credit to invoices. Amounts are integer minor units. */

export interface OpenInvoice {
  id: string;
  dueDate: string;
  number: string;
  balanceMinor: number;
}

export interface Allocation {
  invoiceId: string;
  amountMinor: number;
}

/** Oldest due first (then by number): the allocation the Apply form starts from. Never more than either side has. */
export function suggestAllocation(availableMinor: number, invoices: OpenInvoice[]): Allocation[] {
  const ordered = [...invoices].sort((a, b) => (a.dueDate === b.dueDate ? a.number.localeCompare(b.number) : a.dueDate < b.dueDate ? -1 : 1));
  const out: Allocation[] = [];
  let left = availableMinor;
  for (const invoice of ordered) {
    if (left <= 0) break;
    const amount = Math.min(left, invoice.balanceMinor);
    if (amount <= 0) continue;
    out.push({ invoiceId: invoice.id, amountMinor: amount });
    left -= amount;
  }
  return out;
}

export interface AllocationIssue {
  path: string;
  message: string;
}

/**
 * Problems with an allocation, each naming the field: nothing over an invoice's balance, nothing over what is
 * available, every amount positive, every invoice once.
 */
export function allocationIssues(availableMinor: number, allocations: Allocation[], balances: Map<string, number>): AllocationIssue[] {
  const issues: AllocationIssue[] = [];
  const seen = new Set<string>();
  let total = 0;
  allocations.forEach((a, i) => {
    const path = `allocations.${i}.amount`;
    const balance = balances.get(a.invoiceId);
    if (balance === undefined) issues.push({ path: `allocations.${i}.invoiceId`, message: 'Not an open invoice of this customer in this currency' });
    else if (a.amountMinor > balance) issues.push({ path, message: 'More than the invoice balance' });
    if (!Number.isSafeInteger(a.amountMinor) || a.amountMinor <= 0) issues.push({ path, message: 'Must be more than zero' });
    if (seen.has(a.invoiceId)) issues.push({ path: `allocations.${i}.invoiceId`, message: 'The same invoice twice' });
    seen.add(a.invoiceId);
    total += a.amountMinor;
  });
  if (allocations.length === 0) issues.push({ path: 'allocations', message: 'Apply to at least one invoice' });
  if (total > availableMinor) issues.push({ path: 'allocations', message: 'More than the amount available' });
  return issues;
}

export type SettledStatus = 'open' | 'partially_paid' | 'paid' | 'written_off';

/**
 * An invoice's state from its amounts: nothing received -> open; some -> partially paid; nothing left -> paid,
 * or written off when a write-off took the rest.
 */
export function statusFromBalance(amountMinor: number, balanceMinor: number, closedByWriteOff: boolean): SettledStatus {
  if (balanceMinor <= 0) return closedByWriteOff ? 'written_off' : 'paid';
  return balanceMinor < amountMinor ? 'partially_paid' : 'open';
}
