import type { CalendarDate } from '@/lib/aging/calendar-date';

/** The issuing company as printed on every document. */
export interface PdfCompany {
  name: string;
  /** Multi-line remit-to block (where to send payment), or null. */
  remitTo: string | null;
  /** PNG bytes of the company logo, or null. */
  logoPng: Uint8Array | null;
}

/** The billed customer: name and billing address lines (already joined, empty lines dropped). */
export interface PdfCustomer {
  name: string;
  addressLines: string[];
}

export interface InvoiceDocument {
  company: PdfCompany;
  customer: PdfCustomer;
  number: string;
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  locationName: string;
  /** quantity is a decimal string such as "2" or "1.5"; amounts are integer minor units. */
  lines: { description: string; quantity: string; unitPriceMinor: number; lineTotalMinor: number }[];
  amountMinor: number;
  balanceMinor: number;
}

export interface StatementDocument {
  company: PdfCompany;
  customer: PdfCustomer;
  /** The statement date: aging is as of this calendar date. */
  asOf: CalendarDate;
  currency: string;
  buckets: { key: string; label: string; amountMinor: number }[];
  /** Total due: the buckets less the unapplied money. */
  totalMinor: number;
  unapplied: { kind: 'payment' | 'credit_note'; date: CalendarDate; detail: string; amountMinor: number }[];
  invoices: {
    number: string;
    invoiceDate: CalendarDate;
    dueDate: CalendarDate;
    amountMinor: number;
    balanceMinor: number;
    /** Negative or zero when not yet due. */
    daysPastDue: number;
  }[];
}
