import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { readCsvRecords } from '@/lib/csv/read-csv';
import { lineTotal } from '@/lib/money/line-total';
import { AppError } from '@/lib/errors/app-error';
import { parseAmount } from '@/lib/money/parse-amount';
import { visibleCustomerWhere } from '@/lib/auth/visible-customers';
import { assertCan, permittedLocations } from '@/lib/auth/can';
import { dueDateFor, termsOf } from '@/lib/billing/payment-terms';

export const INVOICE_IMPORT_MAX_ROWS = 10_000;
// due_date may be left empty (or out) where the customer's payment terms give it; bill_source is optional.
const REQUIRED = ['customer', 'invoice_number', 'invoice_date', 'location'];

export interface InvoiceImportGroup {
  /** File lines of this invoice (one per line item, or one). */
  lines: number[];
  number: string;
  customer: string;
  newCustomer: boolean;
  amountMinor: number | null;
  currency: string;
  /** What is wrong, naming the column and line; null when it will be imported. */
  error: string | null;
  /** An identical invoice with this number exists: skipped. */
  duplicate: boolean;
}

type Row = Record<string, string>;

function readRows(csv: string): Row[] {
  const rows = readCsvRecords(csv, INVOICE_IMPORT_MAX_ROWS, 'invoice');
  const missing = REQUIRED.filter((k) => !(k in rows[0]!));
  if (!('amount' in rows[0]!) && !('line_unit_price' in rows[0]!)) missing.push('amount (or line_unit_price)');
  if (missing.length)
    throw new AppError('BAD_REQUEST', `The header row needs columns: ${missing.join(', ')}.`, [{ path: 'file', message: 'Missing columns' }]);
  return rows;
}

interface Planned extends InvoiceImportGroup {
  customerId: string | null;
  locationId: string;
  invoiceDate: string;
  dueDate: string;
  billSourceId: string | null;
  items: { description: string; quantity: string; unitPriceMinor: number; lineTotalMinor: number }[];
}

/**
 * Checks a customers-and-invoices file: one row per invoice, or one per line item (rows sharing an invoice
 * number). Customers are matched by name and created when new. Writes nothing.
 */
async function plan(access: CompanyAccess, csv: string): Promise<Planned[]> {
  assertCan(access, 'invoices.modify', undefined, 'Importing needs the invoices.modify permission on at least one location.');
  const rows = readRows(csv);
  const companyId = access.company.id;
  const groups = new Map<string, { rows: Row[]; lines: number[] }>();
  rows.forEach((r, i) => {
    const key = r.invoice_number ?? '';
    const g = groups.get(key) ?? { rows: [], lines: [] };
    g.rows.push(r);
    g.lines.push(i + 2);
    groups.set(key, g);
  });
  const [locations, sources, customers, existing] = await Promise.all([
    prisma.location.findMany({ where: { companyId }, select: { id: true, name: true } }),
    prisma.billSource.findMany({ where: { companyId }, select: { id: true, name: true } }),
    // Matched by name among the customers the caller may see only: a name known only in other locations is a
    // new customer to this caller, as it would be if it did not exist.
    prisma.customer.findMany({
      where: { ...visibleCustomerWhere(access), name: { in: rows.map((r) => r.customer ?? '') } },
      select: { id: true, name: true, termsKind: true, termsDays: true },
    }),
    prisma.invoice.findMany({
      where: { companyId, number: { in: [...groups.keys()] } },
      select: { number: true, amountMinor: true, currency: true, customer: { select: { name: true } } },
    }),
  ]);
  const locationByName = new Map(locations.map((l) => [l.name.toLowerCase(), l.id]));
  const sourceByName = new Map(sources.map((b) => [b.name.toLowerCase(), b.id]));
  const customerByName = new Map(customers.map((c) => [c.name, c]));
  const existingByNumber = new Map(existing.map((e) => [e.number, e]));
  const modify = new Set(permittedLocations(access, 'invoices.modify'));
  return [...groups.entries()].map(([number, g]) => {
    const first = g.rows[0]!;
    const currency = (first.currency || access.company.baseCurrency).toUpperCase();
    const out: Planned = {
      lines: g.lines,
      number,
      customer: first.customer ?? '',
      newCustomer: false,
      amountMinor: null,
      currency,
      error: null,
      duplicate: false,
      customerId: null,
      locationId: '',
      invoiceDate: first.invoice_date ?? '',
      dueDate: first.due_date ?? '',
      billSourceId: null,
      items: [],
    };
    const at = `line ${g.lines[0]}`;
    const fail = (message: string) => ({ ...out, error: `${message} (${at})` });
    if (!number) return fail('Invoice number: missing');
    if (number.length > 50) return fail('Invoice number: at most 50 characters');
    if (!out.customer) return fail('Customer: missing');
    if (out.customer.length > 200) return fail('Customer: at most 200 characters');
    if (!/^[A-Z]{3}$/.test(currency)) return fail(`Currency: "${currency}" is not a 3-letter code`);
    const locationId = locationByName.get((first.location ?? '').toLowerCase());
    if (!locationId) return fail(`Location: "${first.location}" is not a location of ${access.company.name}`);
    if (!modify.has(locationId)) return fail(`Location: you cannot create invoices in ${first.location}`);
    if (!isCalendarDate(out.invoiceDate)) return fail(`Invoice date: "${out.invoiceDate}" is not a real date (YYYY-MM-DD)`);
    const customer = customerByName.get(out.customer);
    if (!out.dueDate) {
      const terms = customer ? termsOf(customer) : null;
      if (!terms) return fail('Due date: missing, and the customer has no payment terms to compute it from');
      out.dueDate = dueDateFor(terms, out.invoiceDate);
    }
    if (!isCalendarDate(out.dueDate)) return fail(`Due date: "${out.dueDate}" is not a real date (YYYY-MM-DD)`);
    if (first.bill_source) {
      const id = sourceByName.get(first.bill_source.toLowerCase());
      if (!id) return fail(`Bill source: "${first.bill_source}" is not a bill source of ${access.company.name}`);
      out.billSourceId = id;
    }
    if (out.dueDate < out.invoiceDate) return fail('Due date: before the invoice date');
    for (const [i, r] of g.rows.entries()) {
      if (!r.line_unit_price) continue;
      const unit = parseAmount(r.line_unit_price, currency);
      if (!unit.ok) return { ...out, error: `Line unit price: ${unit.message} (line ${g.lines[i]})` };
      const quantity = r.line_quantity || '1';
      if (!/^\d{1,9}(\.\d{1,3})?$/.test(quantity) || !/[1-9]/.test(quantity))
        return { ...out, error: `Line quantity: "${quantity}" is not a number above zero with at most 3 decimals (line ${g.lines[i]})` };
      out.items.push({
        description: r.line_description || 'Item',
        quantity,
        unitPriceMinor: unit.minor,
        lineTotalMinor: lineTotal(quantity, unit.minor),
      });
    }
    let amount = out.items.reduce((s, l) => s + l.lineTotalMinor, 0);
    if (!Number.isSafeInteger(amount)) return fail('Amount: the lines add up to more than the largest amount');
    if (first.amount) {
      const parsed = parseAmount(first.amount, currency);
      if (!parsed.ok) return fail(`Amount: ${parsed.message}`);
      if (out.items.length > 0 && parsed.minor !== amount) return fail('Amount: not the sum of the lines');
      amount = parsed.minor;
    }
    if (amount <= 0) return fail('Amount: must be more than zero');
    const prior = existingByNumber.get(number);
    if (prior) {
      if (Number(prior.amountMinor) === amount && prior.currency === currency && prior.customer.name === out.customer)
        return { ...out, amountMinor: amount, duplicate: true };
      return fail(`Invoice number: ${number} is already used by a different invoice`);
    }
    const customerId = customer?.id ?? null;
    return { ...out, amountMinor: amount, locationId, customerId, newCustomer: customerId === null };
  });
}

const summary = (groups: InvoiceImportGroup[]) => ({
  groups: groups.map(({ lines, number, customer, newCustomer, amountMinor, currency, error, duplicate }) => ({
    lines,
    number,
    customer,
    newCustomer,
    amountMinor,
    currency,
    error,
    duplicate,
  })),
  importable: groups.filter((g) => !g.error && !g.duplicate).length,
  duplicates: groups.filter((g) => g.duplicate).length,
  errors: groups.filter((g) => g.error).length,
});

/** The review: each invoice of the file with its problem or what will happen. Writes nothing. */
export async function previewInvoiceImport(access: CompanyAccess, csv: string) {
  return summary(await plan(access, csv));
}

/**
 * Imports the valid invoices (posted: they open and age) and their new customers in one transaction;
 * invoices already imported are skipped, so the same file twice creates nothing the second time.
 */
export async function importInvoices(access: CompanyAccess, csv: string) {
  const groups = await plan(access, csv);
  const valid = groups.filter((g) => !g.error && !g.duplicate);
  const companyId = access.company.id;
  await prisma.$transaction(
    async (tx) => {
      const created = new Map<string, string>();
      for (const g of valid) {
        let customerId = g.customerId ?? created.get(g.customer);
        if (!customerId) {
          customerId = (await tx.customer.create({ data: { companyId, name: g.customer, defaultLocationId: g.locationId }, select: { id: true } }))
            .id;
          created.set(g.customer, customerId);
        }
        await tx.invoice.create({
          data: {
            companyId,
            number: g.number,
            customerId,
            locationId: g.locationId,
            invoiceDate: new Date(`${g.invoiceDate}T00:00:00Z`),
            dueDate: new Date(`${g.dueDate}T00:00:00Z`),
            billSourceId: g.billSourceId,
            currency: g.currency,
            amountMinor: BigInt(g.amountMinor!),
            balanceMinor: BigInt(g.amountMinor!),
            status: 'open',
            lines: {
              create: g.items.map((l, i) => ({
                position: i + 1,
                description: l.description,
                quantity: l.quantity,
                unitPriceMinor: BigInt(l.unitPriceMinor),
                lineTotalMinor: BigInt(l.lineTotalMinor),
              })),
            },
          },
        });
      }
      await writeAuditLog(
        {
          companyId,
          userId: access.userId,
          action: 'invoices.import',
          targetType: 'company',
          targetId: companyId,
          details: {
            invoices: groups.length,
            imported: valid.length,
            newCustomers: created.size,
            duplicates: groups.filter((g) => g.duplicate).length,
            errors: groups.filter((g) => g.error).length,
          },
        },
        tx,
      );
    },
    { timeout: 120_000 },
  );
  return summary(groups);
}
