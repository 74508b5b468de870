import { todayInTimeZone } from '../../lib/aging/calendar-date';
import { minorToDecimal } from '../../lib/money/currency';
import { agingTotal, closingBalance, type CustomerAgingJson, type TransactionsJson } from './load-check-customer';
import type { AgingRowJson } from './load-check-aging';
import type { LoadCustomer } from './load-personas';
import { agingPage, customerAging, transactions } from './load-reads';
import type { VirtualUser } from './load-virtual-user';

/** What the caller sees of one customer: its aging, its transactions, and its row on the aging page by name. */
interface Snapshot {
  aging: CustomerAgingJson;
  transactions: TransactionsJson;
  /** undefined when the customer's row was not on the page it was mapped to (rows move as balances clear). */
  row?: AgingRowJson;
}

async function snapshot(vu: VirtualUser, customer: LoadCustomer): Promise<Snapshot | undefined> {
  const page = vu.layout.pageByName.get(customer.id);
  const [aging, txns, report] = [
    await customerAging(vu, customer.id),
    await transactions(vu, customer.id),
    page === undefined ? undefined : await agingPage(vu.client, 'aging name', { page, sort: 'name' }),
  ];
  if (!aging || !txns) return undefined;
  return { aging, transactions: txns, row: report?.rows.find((r) => r.customer.id === customer.id) };
}

/** One write's effect: `amount` received, `applied` of it on invoices (the rest unapplied), as a transaction line. */
interface Effect {
  kind: 'payment' | 'credit_note';
  id: string;
  reference: string;
  amount: number;
  applied: number;
  invoice?: { id: string; number: string; balance: number };
}

/**
 * Reads the customer again right after the write and checks that it shows: the aging total down by what was
 * applied (and that invoice's balance with it), the new line in the transactions and the balance down by the
 * whole amount, the page row's net total down by the amount applied plus the unapplied money the caller sees.
 */
async function followUp(vu: VirtualUser, kind: string, customer: LoadCustomer, before: Snapshot, e: Effect): Promise<void> {
  const after = await snapshot(vu, customer);
  if (!after) return;
  const { persona } = vu;
  // A member sees a customer's unapplied money only when the customer's default location is one they may view.
  const seesUnapplied = persona.isAdmin || (customer.defaultLocationId !== null && persona.viewLocationIds.has(customer.defaultLocationId));
  if (!after.row || !before.row) vu.client.stats.skippedFollowUps++;
  vu.client.verify(kind, `read of ${customer.name} after ${e.kind} ${e.reference} (${e.amount}, ${e.applied} applied)`, (c) => {
    c.eq(agingTotal(after.aging, persona.currency), agingTotal(before.aging, persona.currency) - e.applied, 'customer aging total');
    if (e.invoice) {
      const inv = after.aging.invoices.find((i) => i.id === e.invoice!.id);
      c.eq(inv?.balance ?? 0, e.invoice.balance - e.applied, `invoice ${e.invoice.number} balance`);
    }
    const line = after.transactions.transactions.find((t) => t.id === e.id);
    if (c.ok(line !== undefined, `the transactions do not list ${e.kind} ${e.id}`)) {
      c.eq(line!.kind, e.kind, 'transaction kind');
      c.eq(line!.reference, e.reference, 'transaction reference');
      c.eq(line!.amountMinor, -e.amount, 'transaction amount');
    }
    c.eq(closingBalance(after.transactions), closingBalance(before.transactions) - e.amount, 'transactions closing balance');
    if (after.row && before.row) {
      const unapplied = seesUnapplied ? e.amount - e.applied : 0;
      c.eq(after.row.unapplied, before.row.unapplied + unapplied, 'aging page row unapplied');
      c.eq(after.row.total, before.row.total - e.applied - unapplied, 'aging page row net total');
    }
  });
}

/** An open invoice of the customer in the company's currency that the caller may modify, or undefined. */
function openInvoice(vu: VirtualUser, aging: CustomerAgingJson): Effect['invoice'] {
  const open = aging.invoices.filter((i) => i.currency === vu.persona.currency && i.balance > 0 && vu.persona.modifyLocationNames.has(i.location));
  if (open.length === 0) return undefined;
  const inv = vu.rng.pick(open);
  return { id: inv.id, number: inv.number, balance: inv.balance };
}

interface PaymentAnswer {
  paymentId: string;
  appliedMinor: number;
  unappliedMinor: number;
}

/**
 * One write on a customer this virtual user owns, then the checks that a read right after shows it: a payment
 * on an invoice (applied at once), a payment on account applied to an invoice, or a credit note.
 */
export async function writeSomething(vu: VirtualUser): Promise<void> {
  const { client, persona, rng } = vu;
  const customer = rng.pick(vu.owned);
  const before = await snapshot(vu, customer);
  if (!before) return;
  const amount = rng.int(100, 5_000);
  const money = minorToDecimal(amount, persona.currency);
  const reference = `load-${vu.runId}-${vu.id}-${++vu.seq}`;
  const receivedOn = todayInTimeZone(persona.timeZone);
  const invoice = openInvoice(vu, before.aging);
  const choice = rng.weighted([5, 3, 2]);
  if (choice === 2 || !invoice) {
    const kind = 'credit note';
    const r = await client.request<{ creditNoteId: string }>(kind, 'POST', client.path('/credit-notes'), {
      body: { customerId: customer.id, amount: money, reason: reference },
      expect: 201,
    });
    if (!r || !client.verify(kind, `credit note ${reference}`, (c) => c.ok(typeof r.creditNoteId === 'string', 'no creditNoteId'))) return;
    return followUp(vu, kind, customer, before, { kind: 'credit_note', id: r.creditNoteId, reference, amount, applied: 0 });
  }
  if (choice === 0) {
    const kind = 'payment';
    const applied = Math.min(amount, invoice.balance);
    const r = await client.request<PaymentAnswer>(kind, 'POST', client.path('/payments'), {
      body: { invoiceId: invoice.id, amount: money, receivedOn, reference, method: 'check' },
      expect: 201,
    });
    if (
      !r ||
      !client.verify(kind, `payment ${reference} of ${amount} on invoice ${invoice.number} (balance ${invoice.balance})`, (c) => {
        c.eq(r.appliedMinor, applied, 'appliedMinor');
        c.eq(r.unappliedMinor, amount - applied, 'unappliedMinor');
      })
    )
      return;
    return followUp(vu, kind, customer, before, { kind: 'payment', id: r.paymentId, reference, amount, applied, invoice });
  }
  // Money on account, then applied to one invoice: up to what the payment and the invoice both have.
  const paid = await client.request<PaymentAnswer>('payment', 'POST', client.path('/payments'), {
    body: { customerId: customer.id, amount: money, receivedOn, reference, method: 'bank_transfer' },
    expect: 201,
  });
  if (
    !paid ||
    !client.verify('payment', `payment ${reference} of ${amount} on account`, (c) => {
      c.eq(paid.appliedMinor, 0, 'appliedMinor');
      c.eq(paid.unappliedMinor, amount, 'unappliedMinor');
    })
  )
    return;
  const kind = 'application';
  const applied = Math.min(amount, invoice.balance, rng.int(1, amount));
  const r = await client.request<{ unappliedMinor: number }>(kind, 'POST', client.path(`/payments/${paid.paymentId}/applications`), {
    body: { allocations: [{ invoiceId: invoice.id, amount: minorToDecimal(applied, persona.currency) }] },
  });
  if (
    !r ||
    !client.verify(kind, `${applied} of payment ${reference} to invoice ${invoice.number}`, (c) =>
      c.eq(r.unappliedMinor, amount - applied, 'unappliedMinor'),
    )
  )
    return;
  return followUp(vu, kind, customer, before, { kind: 'payment', id: paid.paymentId, reference, amount, applied, invoice });
}
