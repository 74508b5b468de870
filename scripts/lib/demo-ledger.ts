import { daysBetween } from '../../lib/aging/calendar-date';
import { suggestAllocation } from '../../lib/ledger/allocation';
import type { DemoInvoice } from './demo-invoices';
import { DemoLedgerBook, type DemoCreditNote, type DemoPayment, type DemoWriteOff, type PaymentMethod } from './demo-ledger-book';
import { addDays, type Prng } from './prng';

const METHODS: PaymentMethod[] = ['bank_transfer', 'check', 'card', 'cash', 'other'];
const METHOD_WEIGHTS = [45, 35, 15, 3, 2];
const CREDIT_REASONS = [
  'Service outage credit',
  'Returned equipment',
  'Billing error corrected',
  'Goodwill credit',
  'Duplicate monitoring fee',
  'Price match adjustment',
];
const FULL_WRITE_OFFS: [DemoWriteOff['reason'], string][] = [
  ['bad_debt', 'Customer out of business; collection agency returned it unpaid'],
  ['bad_debt', 'Uncollectible after final notice'],
  ['other', "Closed at the customer's account review"],
];
const PARTIAL_WRITE_OFF: [DemoWriteOff['reason'], string] = ['dispute', 'Disputed part of the charge; settled with the customer'];

interface Settlement {
  invoice: DemoInvoice;
  amountMinor: number;
  on: string;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** A date from `from` to `to`, both inclusive. */
const dateBetween = (rng: Prng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
const pushTo = <T>(map: Map<string, T[]>, key: string, item: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(item);
const isOpen = (i: DemoInvoice) => (i.status === 'open' || i.status === 'partially_paid') && i.balanceMinor > 0;

/** Applies up to `upToMinor` of what the source has left to the customer's open invoices, oldest due first (the Apply form's suggestion). */
function applyOldestDueFirst(
  book: DemoLedgerBook,
  source: DemoPayment | DemoCreditNote,
  invoices: DemoInvoice[],
  on: string,
  upToMinor: number,
): void {
  const open = invoices.filter((i) => isOpen(i) && i.currency === source.currency && i.invoiceDate <= on);
  const byId = new Map(open.map((i) => [i.id, i]));
  const allocations = suggestAllocation(
    Math.min(upToMinor, source.unappliedMinor),
    open.map((i) => ({ id: i.id, dueDate: i.dueDate, number: i.number, balanceMinor: i.balanceMinor })),
  );
  for (const a of allocations) book.apply(source, byId.get(a.invoiceId)!, a.amountMinor, on);
}

/** Customers with posted invoices, `count` of them drawn without repeats, each with their invoices in date order. */
function drawCustomers(rng: Prng, byCustomer: Map<string, DemoInvoice[]>, count: number): DemoInvoice[][] {
  const pool = [...byCustomer.values()];
  return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
}

/**
 * The payments, credit notes and write-offs behind the demo invoices, applied by the ledger's rules (see
 * DemoLedgerBook). The invoices come with what each is to owe (paid: nothing; partially paid: part); every
 * posted invoice starts owing its amount and is settled down to that, dated between its invoice date and
 * `today`: mostly one payment per invoice, now and then one remittance for several invoices of a customer, two
 * installments, or a credit note for part of it. Then money on account (some applied later, oldest due first,
 * some left unapplied, a few overpayments), credit notes on customers (half applied), and a few old balances
 * written off. Updates each invoice's balance and status in place; deterministic from `rng`.
 */
export function makeDemoLedger(rng: Prng, invoices: DemoInvoice[], today: string): DemoLedgerBook {
  const book = new DemoLedgerBook(rng, today);
  const method = () => METHODS[rng.weighted(METHOD_WEIGHTS)]!;
  const byCustomer = new Map<string, DemoInvoice[]>();
  const toSettle: [DemoInvoice, number][] = [];
  for (const invoice of invoices) {
    if (invoice.status === 'draft' || invoice.status === 'void') continue;
    if (invoice.balanceMinor < invoice.amountMinor) toSettle.push([invoice, invoice.amountMinor - invoice.balanceMinor]);
    Object.assign(invoice, { balanceMinor: invoice.amountMinor, status: 'open' });
    pushTo(byCustomer, invoice.customerId, invoice);
  }

  // Each settled invoice: a credit note for part of it, or two installments, or a payment that may cover others too.
  const pooled = new Map<string, Settlement[]>();
  for (const [invoice, settled] of toSettle) {
    const on = minDate(today, addDays(invoice.invoiceDate, rng.int(0, daysBetween(invoice.invoiceDate, invoice.dueDate) + 25)));
    const r = rng.next();
    let left = settled;
    if (r < 0.02 && settled >= 5_000) {
      const credited = Math.min(settled - 1, Math.round(settled * (0.1 + 0.3 * rng.next())));
      const issuedOn = dateBetween(rng, invoice.invoiceDate, on);
      book.apply(book.credit(invoice.customerId, invoice.currency, credited, issuedOn, rng.pick(CREDIT_REASONS)), invoice, credited, issuedOn);
      left -= credited;
    } else if (r < 0.1 && settled >= 20_000) {
      const first = Math.round(settled * (0.3 + 0.4 * rng.next()));
      const firstOn = dateBetween(rng, invoice.invoiceDate, on);
      book.apply(book.pay(invoice.customerId, invoice.currency, first, firstOn, method(), 'First installment'), invoice, first, firstOn);
      book.apply(book.pay(invoice.customerId, invoice.currency, settled - first, on, method(), 'Final installment'), invoice, settled - first, on);
      continue;
    }
    pushTo(pooled, `${invoice.customerId}/${invoice.currency}`, { invoice, amountMinor: left, on });
  }

  // Payments: one remittance now and then covers up to four invoices settled within a month of each other,
  // received on the latest of their dates; a few single payments are rounded up, the change left on account.
  const maxOverpaid = Math.max(1, Math.round(invoices.length / 500));
  let overpaid = 0;
  for (const list of pooled.values()) {
    list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (let i = 0; i < list.length;) {
      const size = rng.chance(0.3) ? rng.int(2, 4) : 1;
      const chunk = [list[i]!];
      while (chunk.length < size && i + chunk.length < list.length && daysBetween(chunk[0]!.on, list[i + chunk.length]!.on) <= 30)
        chunk.push(list[i + chunk.length]!);
      i += chunk.length;
      const { invoice, on } = chunk.at(-1)!;
      const total = chunk.reduce((s, c) => s + c.amountMinor, 0);
      let extra = 0;
      if (chunk.length === 1 && overpaid < maxOverpaid && rng.chance(0.02)) {
        extra = 10_000 - (total % 10_000) + (total % 10_000 > 9_500 ? 10_000 : 0);
        overpaid++;
      }
      const note = chunk.length > 1 ? `Remittance for ${chunk.length} invoices` : extra > 0 ? 'Overpaid: the rest is on account' : null;
      const payment = book.pay(invoice.customerId, invoice.currency, total + extra, on, method(), note);
      for (const c of chunk) book.apply(payment, c.invoice, c.amountMinor, on);
    }
  }

  // Money on account from about 3% of the customers, received in the last 45 days: every other one applied
  // since (oldest due first; every fourth only half of it), the rest waiting to be applied.
  drawCustomers(rng, byCustomer, Math.max(1, Math.round(byCustomer.size * 0.03))).forEach((own, k) => {
    const first = own[0]!;
    const receivedOn = addDays(today, -rng.int(0, 45));
    const amount = rng.int(2, 50) * 5_000;
    const payment = book.pay(
      first.customerId,
      first.currency,
      amount,
      receivedOn,
      rng.chance(0.5) ? 'check' : 'bank_transfer',
      'Received without remittance advice',
    );
    const appliedOn = dateBetween(rng, receivedOn, minDate(today, addDays(receivedOn, 10)));
    if (k % 2 === 1) applyOldestDueFirst(book, payment, own, appliedOn, k % 4 === 3 ? amount / 2 : amount);
  });

  // Credit notes on customers (no invoice named), issued in the last 60 days: every other one applied since.
  drawCustomers(rng, byCustomer, Math.max(1, Math.round(byCustomer.size * 0.015))).forEach((own, k) => {
    const first = own[0]!;
    const issuedOn = addDays(today, -rng.int(0, 60));
    const note = book.credit(first.customerId, first.currency, rng.int(10, 300) * 100, issuedOn, rng.pick(CREDIT_REASONS));
    if (k % 2 === 1) applyOldestDueFirst(book, note, own, dateBetween(rng, issuedOn, minDate(today, addDays(issuedOn, 7))), note.amountMinor);
  });

  // A few balances at least 120 days past due written off: most of them whole, some in part.
  const cutoff = addDays(today, -120);
  const old = invoices.filter((i) => isOpen(i) && i.dueDate <= cutoff);
  for (let n = Math.min(old.length, Math.max(1, Math.round(invoices.length / 300))); n > 0; n--) {
    const invoice = old.splice(rng.int(0, old.length - 1), 1)[0]!;
    const on = dateBetween(rng, maxDate(addDays(invoice.dueDate, 90), book.lastEntry.get(invoice.id) ?? invoice.invoiceDate), today);
    const whole = invoice.status === 'partially_paid' || rng.chance(0.6);
    const [reason, description] = whole ? rng.pick(FULL_WRITE_OFFS) : PARTIAL_WRITE_OFF;
    const amount = whole ? invoice.balanceMinor : Math.max(1, Math.round(invoice.balanceMinor * (0.3 + 0.4 * rng.next())));
    book.writeOff(invoice, amount, on, reason, description);
  }
  return book;
}
