import { z } from 'zod';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minor = z.number().int().safe();

/**
 * What a statement froze at generation, stored in invoice_statements.snapshot: the customer as billed, the aging
 * by the company's scheme, the open invoices and the unapplied money. Re-downloading prints the same document
 * from it (statements made before unapplied money was listed read as having none).
 */
export const statementSnapshotSchema = z.object({
  customer: z.object({ name: z.string(), email: z.string().nullable(), addressLines: z.array(z.string()) }),
  buckets: z.array(z.object({ key: z.string(), label: z.string(), amountMinor: minor })),
  invoices: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      invoiceDate: calendarDate,
      dueDate: calendarDate,
      amountMinor: minor,
      balanceMinor: minor,
      daysPastDue: z.number().int(),
    }),
  ),
  /** Payments and credit notes received by the date and not applied on it; the total due is net of them. */
  unapplied: z
    .array(
      z.object({
        kind: z.enum(['payment', 'credit_note']),
        id: z.string(),
        date: calendarDate,
        detail: z.string(),
        amountMinor: minor,
      }),
    )
    .default([]),
});
export type StatementSnapshot = z.infer<typeof statementSnapshotSchema>;
