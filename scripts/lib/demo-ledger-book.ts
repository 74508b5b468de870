import type pg from 'pg';
import { allocationIssues, statusFromBalance } from '../../lib/ledger/allocation';
import type { DemoInvoice } from './demo-invoices';
import type { Prng } from './prng';
import { insertRows } from './sql-insert';

export type PaymentMethod = 'bank_transfer' | 'check' | 'card' | 'cash' | 'other';

export interface DemoPayment {
  id: string;
  customerId: string;
  currency: string;
  amountMinor: number;
  unappliedMinor: number;
  receivedOn: string;
  reference: string;
  method: PaymentMethod;
  note: string | null;
}

export interface DemoCreditNote {
  id: string;
  customerId: string;
  currency: string;
  amountMinor: number;
  unappliedMinor: number;
  issuedOn: string;
  reason: string;
}

export interface DemoApplication {
  id: string;
  invoiceId: string;
  paymentId: string | null;
  creditNoteId: string | null;
  amountMinor: number;
  appliedOn: string;
}

export interface DemoWriteOff {
  id: string;
  invoiceId: string;
  amountMinor: number;
  writtenOffOn: string;
  reason: 'bad_debt' | 'dispute' | 'other';
  description: string;
}

const REFERENCE_PREFIX: Record<PaymentMethod, string> = { bank_transfer: 'ACH', check: 'CHK', card: 'CARD', cash: 'CASH', other: 'PAY' };
const OPEN: readonly string[] = ['open', 'partially_paid'];

/**
 * The demo's ledger, written by the rules of lib/ledger: money is recorded (payments, credit notes), then
 * applied to open invoices of the same customer and currency (never more than the source has left or the
 * invoice owes, never before the money arrived or the invoice was dated, never after today), and balances
 * are written off; each invoice's balance and status follow as recordPayment, applyCredit and
 * writeOffInvoice set them. Breaking a rule throws: the demo cannot contradict itself.
 */
export class DemoLedgerBook {
  readonly payments: DemoPayment[] = [];
  readonly creditNotes: DemoCreditNote[] = [];
  readonly applications: DemoApplication[] = [];
  readonly writeOffs: DemoWriteOff[] = [];
  /** Invoice id -> the date of its latest application or write-off. */
  readonly lastEntry = new Map<string, string>();

  constructor(
    private readonly rng: Prng,
    readonly today: string,
  ) {}

  pay(customerId: string, currency: string, amountMinor: number, receivedOn: string, method: PaymentMethod, note: string | null = null): DemoPayment {
    this.checkDate(receivedOn, 'payment');
    const reference = `${REFERENCE_PREFIX[method]}-${String(100_001 + this.payments.length)}`;
    const payment = { id: this.rng.uuid(), customerId, currency, amountMinor, unappliedMinor: amountMinor, receivedOn, reference, method, note };
    this.payments.push(payment);
    return payment;
  }

  credit(customerId: string, currency: string, amountMinor: number, issuedOn: string, reason: string): DemoCreditNote {
    this.checkDate(issuedOn, 'credit note');
    const note = { id: this.rng.uuid(), customerId, currency, amountMinor, unappliedMinor: amountMinor, issuedOn, reason };
    this.creditNotes.push(note);
    return note;
  }

  /** Applies `amountMinor` of a payment or credit note to an open invoice of its customer, on `appliedOn`. */
  apply(source: DemoPayment | DemoCreditNote, invoice: DemoInvoice, amountMinor: number, appliedOn: string): void {
    const receivedOn = 'receivedOn' in source ? source.receivedOn : source.issuedOn;
    const owed = invoice.customerId === source.customerId && invoice.currency === source.currency && OPEN.includes(invoice.status);
    const issues = allocationIssues(
      source.unappliedMinor,
      [{ invoiceId: invoice.id, amountMinor }],
      new Map(owed ? [[invoice.id, invoice.balanceMinor]] : []),
    );
    if (issues.length > 0)
      throw new Error(`demo ledger: cannot apply ${amountMinor} to ${invoice.number}: ${issues.map((i) => i.message).join('; ')}`);
    this.checkDate(appliedOn, `application to ${invoice.number}`, receivedOn, invoice.invoiceDate);
    const isPayment = 'receivedOn' in source;
    this.applications.push({
      id: this.rng.uuid(),
      invoiceId: invoice.id,
      paymentId: isPayment ? source.id : null,
      creditNoteId: isPayment ? null : source.id,
      amountMinor,
      appliedOn,
    });
    source.unappliedMinor -= amountMinor;
    invoice.balanceMinor -= amountMinor;
    invoice.status = statusFromBalance(invoice.amountMinor, invoice.balanceMinor, false);
    this.lastEntry.set(invoice.id, appliedOn);
  }

  /** Writes off part or all of an open invoice's balance; writing off the rest closes it as written off. */
  writeOff(invoice: DemoInvoice, amountMinor: number, on: string, reason: DemoWriteOff['reason'], description: string): void {
    if (!OPEN.includes(invoice.status) || amountMinor <= 0 || amountMinor > invoice.balanceMinor) {
      throw new Error(`demo ledger: cannot write off ${amountMinor} of ${invoice.number} (${invoice.status}, owes ${invoice.balanceMinor})`);
    }
    this.checkDate(on, `write-off of ${invoice.number}`, invoice.invoiceDate, this.lastEntry.get(invoice.id) ?? invoice.invoiceDate);
    this.writeOffs.push({ id: this.rng.uuid(), invoiceId: invoice.id, amountMinor, writtenOffOn: on, reason, description });
    invoice.balanceMinor -= amountMinor;
    invoice.status = statusFromBalance(invoice.amountMinor, invoice.balanceMinor, true);
    this.lastEntry.set(invoice.id, on);
  }

  private checkDate(date: string, what: string, ...notBefore: string[]): void {
    const earliest = notBefore.reduce((a, b) => (a > b ? a : b), '0000-00-00');
    if (date > this.today || date < earliest) throw new Error(`demo ledger: ${what} dated ${date}, outside ${earliest}..${this.today}`);
  }
}

/** The book's rows in one multi-row insert per table, after the invoices they point at. */
export async function insertDemoLedger(client: pg.ClientBase, companyId: string, book: DemoLedgerBook): Promise<void> {
  await insertRows(
    client,
    'payments',
    ['company_id', 'id', 'customer_id', 'currency', 'amount_minor', 'unapplied_minor', 'received_on', 'reference', 'method', 'note'],
    book.payments.map((p) => [
      companyId,
      p.id,
      p.customerId,
      p.currency,
      p.amountMinor,
      p.unappliedMinor,
      p.receivedOn,
      p.reference,
      p.method,
      p.note,
    ]),
    { received_on: 'date' },
  );
  await insertRows(
    client,
    'credit_notes',
    ['company_id', 'id', 'customer_id', 'currency', 'amount_minor', 'unapplied_minor', 'issued_on', 'reason'],
    book.creditNotes.map((c) => [companyId, c.id, c.customerId, c.currency, c.amountMinor, c.unappliedMinor, c.issuedOn, c.reason]),
    { issued_on: 'date' },
  );
  await insertRows(
    client,
    'applications',
    ['company_id', 'id', 'invoice_id', 'payment_id', 'credit_note_id', 'amount_minor', 'applied_on'],
    book.applications.map((a) => [companyId, a.id, a.invoiceId, a.paymentId, a.creditNoteId, a.amountMinor, a.appliedOn]),
    { applied_on: 'date', payment_id: 'uuid', credit_note_id: 'uuid' },
  );
  await insertRows(
    client,
    'write_offs',
    ['company_id', 'id', 'invoice_id', 'amount_minor', 'written_off_on', 'reason', 'description'],
    book.writeOffs.map((w) => [companyId, w.id, w.invoiceId, w.amountMinor, w.writtenOffOn, w.reason, w.description]),
    { written_off_on: 'date' },
  );
}
