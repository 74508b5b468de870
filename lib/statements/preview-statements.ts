import 'server-only';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { findEligibleCustomers } from './find-eligible-customers';
import { resolveStatementCriteria } from './statement-criteria';
import { assertVisibleCustomers } from '@/lib/auth/visible-customers';

/** How many customers Generate would cover now. Writes nothing. */
export async function previewStatements(access: CompanyAccess, input: unknown, now = new Date()): Promise<{ eligible: number }> {
  const criteria = resolveStatementCriteria(access, input, now);
  await assertVisibleCustomers(access, criteria.customerIds);
  const { count } = await findEligibleCustomers(criteria, 0);
  return { eligible: count };
}
