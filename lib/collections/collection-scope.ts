import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { permittedLocations, seesEveryLocation } from '@/lib/auth/can';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { visibleCustomerSql } from '@/lib/auth/visible-customers';
import { AppError, notFound } from '@/lib/errors/app-error';

type Tx = Prisma.TransactionClient;

/**
 * The visibility rule of the collection log, promises and holds, as an SQL condition: a row that names invoices
 * (`named` selects their ids) is visible when the caller may view every one of those invoices' locations; a row
 * that names none, when its customer (`customerId`, an SQL expression) is visible.
 */
export function visibleCollectionRowSql(access: CompanyAccess, named: Prisma.Sql, customerId: Prisma.Sql): Prisma.Sql {
  const co = access.company.id;
  const customer = Prisma.sql`EXISTS (SELECT 1 FROM customers c WHERE c.company_id = ${co}::uuid AND c.id = ${customerId} AND ${visibleCustomerSql(access, 'c')})`;
  if (seesEveryLocation(access)) return Prisma.sql`true`;
  const view = access.viewLocations.map((l) => l.id);
  return Prisma.sql`(CASE WHEN EXISTS (${named})
    THEN NOT EXISTS (SELECT 1 FROM invoices ni WHERE ni.company_id = ${co}::uuid AND ni.id IN (${named}) AND ni.location_id <> ALL(${view}::uuid[]))
    ELSE ${customer} END)`;
}

/** The visible customer by id, or NOT_FOUND (another company's, or one the caller may not see). */
export async function findVisibleCustomer(
  db: Pick<Tx, '$queryRaw'>,
  access: CompanyAccess,
  customerId: string,
): Promise<{ id: string; name: string; default_location_id: string | null }> {
  const [c] = await db.$queryRaw<{ id: string; name: string; default_location_id: string | null }[]>`
    SELECT c.id, c.name, c.default_location_id FROM customers c WHERE c.id = ${customerId}::uuid AND ${visibleCustomerSql(access, 'c')}`;
  if (!c) throw notFound('Customer');
  return c;
}

/** The visible invoice by id (its location viewable), or NOT_FOUND. */
export async function findVisibleInvoice(
  db: Pick<Tx, '$queryRaw'>,
  access: CompanyAccess,
  invoiceId: string,
): Promise<{ id: string; number: string; customer_id: string; location_id: string; currency: string }> {
  const view = access.viewLocations.map((l) => l.id);
  const [i] = await db.$queryRaw<{ id: string; number: string; customer_id: string; location_id: string; currency: string }[]>`
    SELECT id, number, customer_id, location_id, trim(currency) AS currency FROM invoices
    WHERE company_id = ${access.company.id}::uuid AND id = ${invoiceId}::uuid AND location_id = ANY(${view}::uuid[])`;
  if (!i) throw notFound('Invoice');
  return i;
}

export interface WriteScope {
  customer: { id: string; name: string };
  invoices: { id: string; number: string; currency: string }[];
}

/**
 * Checks that the caller may write collection work for the customer naming these invoices, and returns them:
 * the customer must be visible and every invoice one of its own (else BAD_REQUEST on `invoiceIds`) the caller
 * may modify; with no invoices, modify on the customer's default location (or, when it has none, on a location
 * holding its invoices). Invoices are read FOR SHARE so they cannot move to another customer meanwhile.
 */
export async function requireCollectionWrite(tx: Tx, access: CompanyAccess, customerId: string, invoiceIds: string[] = []): Promise<WriteScope> {
  const customer = await findVisibleCustomer(tx, access, customerId);
  const co = access.company.id;
  const modify = permittedLocations(access, 'invoices.modify');
  const view = new Set(access.viewLocations.map((l) => l.id));
  const ids = [...new Set(invoiceIds.map((id) => id.toLowerCase()))].sort();
  if (ids.length > 0) {
    const rows = await tx.$queryRaw<{ id: string; number: string; customer_id: string; location_id: string; currency: string }[]>`
      SELECT id, number, customer_id, location_id, trim(currency) AS currency FROM invoices
      WHERE company_id = ${co}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR SHARE`;
    // Another company's invoice, or one in a location the caller cannot view, reads as missing.
    if (rows.length !== ids.length || rows.some((r) => !view.has(r.location_id) && !seesEveryLocation(access))) throw notFound('Invoice');
    const foreign = rows.find((r) => r.customer_id !== customer.id);
    if (foreign) {
      throw new AppError('BAD_REQUEST', `Invoices: ${foreign.number} belongs to another customer, not ${customer.name}.`, [
        { path: 'invoiceIds', message: `${foreign.number} is not ${customer.name}'s invoice` },
      ]);
    }
    const denied = rows.find((r) => !modify.includes(r.location_id));
    if (denied)
      throw new AppError('FORBIDDEN', `You may not log collection work on invoice ${denied.number}: you cannot modify invoices in its location.`);
    return { customer, invoices: rows.map((r) => ({ id: r.id, number: r.number, currency: r.currency })) };
  }
  const may = customer.default_location_id
    ? modify.includes(customer.default_location_id)
    : (
        await tx.$queryRaw<{ ok: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM invoices WHERE company_id = ${co}::uuid AND customer_id = ${customer.id}::uuid
            AND location_id = ANY(${modify}::uuid[])) AS ok`
      )[0]!.ok;
  if (!may) throw new AppError('FORBIDDEN', `You may not log collection work for ${customer.name}: you cannot modify invoices in their location.`);
  return { customer, invoices: [] };
}
