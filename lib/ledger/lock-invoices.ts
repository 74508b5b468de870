import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError, notFound } from '@/lib/errors/app-error';
import { visibleCustomerWhere } from '@/lib/auth/visible-customers';
import { permittedLocations } from '@/lib/auth/can';

const isGuid = (id: string) => z.guid().safeParse(id).success;

export interface LockedInvoice {
  id: string;
  number: string;
  customer_id: string;
  location_id: string;
  currency: string;
  due_date: Date;
  status: string;
  amount_minor: bigint;
  balance_minor: bigint;
}

/**
 * Locks the company's invoices by id, in id order so two writers never wait on each other in a circle. An id of
 * another company (or none) is not found; an invoice in a location where the user cannot modify is forbidden.
 */
export async function lockInvoices(tx: Prisma.TransactionClient, access: CompanyAccess, ids: string[]): Promise<Map<string, LockedInvoice>> {
  // A uuid in capitals is the same invoice: locked by its lower-case id, answered under the caller's spelling.
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  if (unique.some((id) => !isGuid(id))) throw notFound('Invoice');
  const rows = await tx.$queryRaw<LockedInvoice[]>`
    SELECT id, number, customer_id, location_id, currency, due_date, status, amount_minor, balance_minor FROM invoices
    WHERE company_id = ${access.company.id}::uuid AND id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`;
  if (rows.length !== unique.length) throw notFound('Invoice');
  const modify = new Set(permittedLocations(access, 'invoices.modify'));
  const denied = rows.find((r) => !modify.has(r.location_id));
  if (denied) throw new AppError('FORBIDDEN', `You may not change invoice ${denied.number}: you cannot modify invoices in its location.`);
  const byId = new Map(rows.map((r) => [r.id, { ...r, currency: r.currency.trim() }]));
  return new Map(ids.map((id) => [id, byId.get(id.toLowerCase())!]));
}

/**
 * The customer, if the user may record money for them: modify on the customer's default location or on a
 * location where the customer has invoices.
 */
export async function requireCustomerModify(
  tx: Prisma.TransactionClient,
  access: CompanyAccess,
  customerId: string,
  locationId?: string,
): Promise<{ id: string; name: string }> {
  const customer = await tx.customer.findFirst({
    where: { ...visibleCustomerWhere(access), id: customerId },
    select: { id: true, name: true, defaultLocationId: true },
  });
  if (!customer) throw notFound('Customer');
  const modify = permittedLocations(access, 'invoices.modify');
  const denied = () => new AppError('FORBIDDEN', `You may not record money for ${customer.name}: you cannot modify invoices in their locations.`);
  if (customer.defaultLocationId) {
    if (modify.includes(customer.defaultLocationId)) return customer;
    const invoice = await tx.invoice.findFirst({
      where: { companyId: access.company.id, customerId, locationId: { in: modify } },
      select: { id: true },
    });
    if (invoice) return customer;
    throw denied();
  }
  // No default location. Money on account belongs to the customer's default location (what location filters
  // see), so a customer with no invoices anywhere gets the location chosen for this money; one with invoices
  // keeps the old rule (an invoice where the user may modify).
  const invoices = await tx.invoice.findMany({
    where: { companyId: access.company.id, customerId },
    select: { locationId: true },
    distinct: ['locationId'],
  });
  if (invoices.some((i) => modify.includes(i.locationId))) return customer;
  if (invoices.length > 0 || modify.length === 0) throw denied();
  if (!locationId) {
    throw new AppError('BAD_REQUEST', `Location: ${customer.name} has no default location; choose the location this money belongs to.`, [
      { path: 'locationId', message: 'Choose a location' },
    ]);
  }
  if (!modify.includes(locationId)) {
    throw new AppError('FORBIDDEN', 'You may not record money in that location.', [
      { path: 'locationId', message: 'You cannot modify invoices there' },
    ]);
  }
  await tx.customer.update({ where: { companyId_id: { companyId: access.company.id, id: customer.id } }, data: { defaultLocationId: locationId } });
  return customer;
}
