import 'server-only';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { runCollections, type RunSummary, type RunTrigger } from './run-collections';

/** "Run now" (page, API, CLI): today's run of the caller's company, by an admin; resumes today's run if there is one. */
export async function runCollectionsNow(
  access: CompanyAccess,
  trigger: Extract<RunTrigger, 'manual' | 'api' | 'cli'>,
  now?: Date,
): Promise<RunSummary> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may run collections.');
  return runCollections(access.company.id, { now, trigger, userId: access.userId });
}
