import 'server-only';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';
import type { DunningMode } from './dunning-policy';
import { loadDunningPolicy } from './get-dunning-policy';
import { runsPagingSchema, type Paged } from './paging';
import { planDunning, type CustomerPlan } from './plan-dunning';
import { SKIP_REASONS, type SkipReason } from './skip-reasons';
import { triageDunning } from './triage-dunning';

/** One customer of the preview, without the reminder text (a page of 50 full texts is most of the page's weight). */
export type PreviewRow = Pick<CustomerPlan, 'customerId' | 'customerName' | 'action' | 'level' | 'levelName' | 'items' | 'skips' | 'note'>;

export interface DunningPreview extends Paged<PreviewRow> {
  runOn: CalendarDate;
  enabled: boolean;
  mode: DunningMode;
  /** Invoices today's run would flag overdue (not flagged yet). */
  toFlag: number;
  totals: { emails: number; calls: number; letters: number; skipped: number };
  /** Customers per reason something of theirs is held back (a customer may count under several), most first. */
  skipSummary: { reason: SkipReason; customers: number }[];
}

/**
 * What today's run would do, one page of customers at a time, without writing anything (admins): per
 * customer the reminder at its level and the invoices it lists, or the reasons nothing goes out; customers
 * with something to send first, then by name. The counts cover every customer; only the page's rows are
 * planned in full beyond those sending.
 */
export async function previewDunningRun(access: CompanyAccess, input: unknown = {}, now: Date = new Date()): Promise<DunningPreview> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may preview the collections run.');
  return buildDunningPreview(access.company.id, input, now);
}

/** The preview of a company by id, with no permission check: for previewDunningRun and the operator's CLI. */
export async function buildDunningPreview(companyId: string, input: unknown = {}, now: Date = new Date()): Promise<DunningPreview> {
  const p = parseOrThrow(runsPagingSchema, input);
  const company = await prisma.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { id: true, name: true, remitTo: true, timeZone: true },
  });
  const runOn = todayInTimeZone(company.timeZone, now);
  const [policy, [flag]] = await Promise.all([
    loadDunningPolicy(companyId),
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM invoices i WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.due_date < ${runOn}::date
        AND NOT EXISTS (SELECT 1 FROM invoice_overdue_flags f WHERE f.company_id = i.company_id AND f.invoice_id = i.id)`,
  ]);
  const triaged = policy.enabled ? await triageDunning(companyId, policy, runOn) : [];
  const pageIds = triaged.slice((p.page - 1) * p.perPage, p.page * p.perPage).map((t) => t.customerId);
  // Everyone sending is planned (the totals count emails, calls and letters); of the rest, only the page.
  const plans = await planDunning(company, policy, runOn, [...new Set([...triaged.filter((t) => t.sends).map((t) => t.customerId), ...pageIds])]);
  const planOf = new Map(plans.map((plan) => [plan.customerId, plan]));
  const sending = plans.filter((plan) => plan.action !== 'skip');
  const count = (a: CustomerPlan['action']) => sending.filter((plan) => plan.action === a).length;
  const reasons = new Map<SkipReason, number>();
  for (const t of triaged) for (const r of t.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  return {
    runOn,
    enabled: policy.enabled,
    mode: policy.mode,
    toFlag: flag!.n,
    totals: { emails: count('email'), calls: count('call'), letters: count('letter'), skipped: triaged.length - sending.length },
    skipSummary: SKIP_REASONS.filter((r) => reasons.has(r))
      .map((reason) => ({ reason, customers: reasons.get(reason)! }))
      .sort((a, b) => b.customers - a.customers),
    rows: pageIds
      .map((id) => planOf.get(id))
      .filter((plan) => plan !== undefined)
      .map(({ customerId, customerName, action, level, levelName, items, skips, note }) => ({
        customerId,
        customerName,
        action,
        level,
        levelName,
        items,
        skips,
        note,
      })),
    page: p.page,
    perPage: p.perPage,
    totalRows: triaged.length,
    totalPages: Math.ceil(triaged.length / p.perPage),
  };
}
