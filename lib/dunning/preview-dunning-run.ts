import 'server-only';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import type { DunningMode } from './dunning-policy';
import { loadDunningPolicy } from './get-dunning-policy';
import { planDunning, type CustomerPlan } from './plan-dunning';

export interface DunningPreview {
  runOn: CalendarDate;
  enabled: boolean;
  mode: DunningMode;
  /** Invoices today's run would flag overdue (not flagged yet). */
  toFlag: number;
  customers: CustomerPlan[];
  totals: { emails: number; calls: number; letters: number; skipped: number };
}

/**
 * What today's run would do, without writing anything (admins): per customer the reminder at its level and
 * the invoices it lists, or the reasons nothing goes out. Customers with something to send come first.
 */
export async function previewDunningRun(access: CompanyAccess, now: Date = new Date()): Promise<DunningPreview> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may preview the collections run.');
  return buildDunningPreview(access.company.id, now);
}

/** The preview of a company by id, with no permission check: for previewDunningRun and the operator's CLI. */
export async function buildDunningPreview(companyId: string, now: Date = new Date()): Promise<DunningPreview> {
  const company = await prisma.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { id: true, name: true, remitTo: true, timeZone: true },
  });
  const runOn = todayInTimeZone(company.timeZone, now);
  const [policy, [flag]] = await Promise.all([
    loadDunningPolicy(companyId),
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM invoices WHERE company_id = ${companyId}::uuid AND status IN ('open', 'partially_paid')
        AND balance_minor > 0 AND overdue_flagged_at IS NULL AND due_date < ${runOn}::date`,
  ]);
  const plans = policy.enabled ? await planDunning(company, policy, runOn) : [];
  const customers = [...plans.filter((p) => p.action !== 'skip'), ...plans.filter((p) => p.action === 'skip')];
  const count = (a: CustomerPlan['action']) => plans.filter((p) => p.action === a).length;
  return {
    runOn,
    enabled: policy.enabled,
    mode: policy.mode,
    toFlag: flag!.n,
    customers,
    totals: { emails: count('email'), calls: count('call'), letters: count('letter'), skipped: count('skip') },
  };
}
