import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError, notFound } from '@/lib/errors/app-error';

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
  const unique = [...new Set(ids)].sort();
  if (unique.some((id) => !isGuid(id))) throw notFound('Invoice');
  const rows = await tx.$queryRaw<LockedInvoice[]>`
    SELECT id, number, customer_id, location_id, currency, due_date, status, amount_minor, balance_minor FROM invoices
    WHERE company_id = ${access.company.id}::uuid AND id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`;
  if (rows.length !== unique.length) throw notFound('Invoice');
  const modify = new Set(access.modifyLocationIds);
  const denied = rows.find((r) => !modify.has(r.location_id));
  if (denied) throw new AppError('FORBIDDEN', `You may not change invoice ${denied.number}: you cannot modify invoices in its location.`);
  return new Map(rows.map((r) => [r.id, { ...r, currency: r.currency.trim() }]));
}

/**
 * The customer, if the user may record money for them: modify on the customer's default location or on a
 * location where the customer has invoices.
 */
export async function requireCustomerModify(tx: Prisma.TransactionClient, access: CompanyAccess, customerId: string): Promise<{ id: string; name: string }> {
  const customer = await tx.customer.findFirst({ where: { companyId: access.company.id, id: customerId }, select: { id: true, name: true, defaultLocationId: true } });
  if (!customer) throw notFound('Customer');
  const modify = access.modifyLocationIds;
  if (customer.defaultLocationId && modify.includes(customer.defaultLocationId)) return customer;
  const invoice = await tx.invoice.findFirst({ where: { companyId: access.company.id, customerId, locationId: { in: modify } }, select: { id: true } });
  if (!invoice) throw new AppError('FORBIDDEN', `You may not record money for ${customer.name}: you cannot modify invoices in their locations.`);
  return customer;
}
