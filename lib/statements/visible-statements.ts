import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { seesEveryLocation } from '@/lib/auth/can';

/**
 * SQL condition on invoice_statements `s`: this company, and every location the statement drew invoices from
 * is one the user may view (admins see all), so a statement never shows another location's invoices.
 */
export function visibleStatements(access: CompanyAccess): Prisma.Sql {
  const company = Prisma.sql`s.company_id = ${access.company.id}::uuid`;
  if (seesEveryLocation(access)) return company;
  return Prisma.sql`${company} AND s.location_ids <@ ${access.viewLocations.map((l) => l.id)}::uuid[]`;
}
