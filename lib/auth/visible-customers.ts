import 'server-only';
import { prisma } from '@/lib/db/client';
import { notFound } from '@/lib/errors/app-error';
import { Prisma } from '@/lib/generated/prisma/client';
import { seesEveryLocation } from './can';
import type { CompanyAccess } from './get-company-access';

/**
 * The one rule for which customers a user may see: a customer of the company whose default location, or one
 * of whose invoices' locations, the user may view (an admin views every location, so sees every customer).
 * A customer outside it reads as one that does not exist.
 */
export function visibleCustomerWhere(access: CompanyAccess): Prisma.CustomerWhereInput {
  const companyId = access.company.id;
  if (seesEveryLocation(access)) return { companyId };
  const viewIds = access.viewLocations.map((l) => l.id);
  return { companyId, OR: [{ defaultLocationId: { in: viewIds } }, { invoices: { some: { locationId: { in: viewIds } } } }] };
}

/** The same rule as an SQL condition on customers aliased `alias` (default `c`). */
export function visibleCustomerSql(access: CompanyAccess, alias = 'c'): Prisma.Sql {
  const c = Prisma.raw(alias);
  if (seesEveryLocation(access)) return Prisma.sql`${c}.company_id = ${access.company.id}::uuid`;
  const ids = access.viewLocations.map((l) => l.id);
  return Prisma.sql`(${c}.company_id = ${access.company.id}::uuid AND (${c}.default_location_id = ANY(${ids}::uuid[])
    OR EXISTS (SELECT 1 FROM invoices vi WHERE vi.company_id = ${c}.company_id AND vi.customer_id = ${c}.id AND vi.location_id = ANY(${ids}::uuid[]))))`;
}

/**
 * The same rule as a set of customer ids, for filtering many rows of another table (payments) by customer:
 * built once from the locations (an index-only read of the invoices by location), not tested row by row.
 */
export function visibleCustomerIdsSql(access: CompanyAccess): Prisma.Sql {
  const companyId = access.company.id;
  if (seesEveryLocation(access)) return Prisma.sql`SELECT id FROM customers WHERE company_id = ${companyId}::uuid`;
  const ids = access.viewLocations.map((l) => l.id);
  return Prisma.sql`SELECT id FROM customers WHERE company_id = ${companyId}::uuid AND default_location_id = ANY(${ids}::uuid[])
    UNION
    SELECT customer_id FROM invoices WHERE company_id = ${companyId}::uuid AND location_id = ANY(${ids}::uuid[])`;
}

/** Refuses, as not found, a list of customer ids of which any is not one the user may see. */
export async function assertVisibleCustomers(access: CompanyAccess, customerIds: string[]): Promise<void> {
  const unique = [...new Set(customerIds)];
  if (unique.length === 0) return;
  const visible = await prisma.customer.count({ where: { ...visibleCustomerWhere(access), id: { in: unique } } });
  if (visible !== unique.length) throw notFound('Customer');
}
