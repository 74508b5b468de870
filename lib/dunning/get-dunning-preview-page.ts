import 'server-only';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import type { DunningMode } from './dunning-policy';
import { runsPagingSchema, type Paged } from './paging';
import type { CustomerPlan } from './plan-dunning';
import { previewDunningRun, type DunningPreview } from './preview-dunning-run';
import { SKIP_REASONS, type SkipReason } from './skip-reasons';

/** One customer of the preview, without the reminder text (a page of 50 full texts is most of the page's weight). */
export type PreviewRow = Pick<CustomerPlan, 'customerId' | 'customerName' | 'action' | 'level' | 'levelName' | 'items' | 'skips' | 'note'>;

export interface DunningPreviewPage extends Paged<PreviewRow> {
  runOn: CalendarDate;
  enabled: boolean;
  mode: DunningMode;
  toFlag: number;
  totals: DunningPreview['totals'];
  /** Customers per reason something of theirs is held back (a customer may count under several), most first. */
  skipSummary: { reason: SkipReason; customers: number }[];
}

/**
 * Today's preview one page at a time (admins), with the counts by skip reason over all customers: the plan is
 * computed on the server and only the page's rows leave it, so a company with thousands of overdue customers
 * does not ship them all to the browser. A page past the end is empty (the totals still say how many).
 */
export async function getDunningPreviewPage(access: CompanyAccess, input: unknown = {}, now: Date = new Date()): Promise<DunningPreviewPage> {
  const p = parseOrThrow(runsPagingSchema, input);
  const preview = await previewDunningRun(access, now);
  const counts = new Map<SkipReason, number>();
  for (const c of preview.customers) for (const r of new Set(c.skips.map((s) => s.reason))) counts.set(r, (counts.get(r) ?? 0) + 1);
  const totalRows = preview.customers.length;
  return {
    runOn: preview.runOn,
    enabled: preview.enabled,
    mode: preview.mode,
    toFlag: preview.toFlag,
    totals: preview.totals,
    skipSummary: SKIP_REASONS.filter((r) => counts.has(r))
      .map((reason) => ({ reason, customers: counts.get(reason)! }))
      .sort((a, b) => b.customers - a.customers),
    rows: preview.customers
      .slice((p.page - 1) * p.perPage, p.page * p.perPage)
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
    totalRows,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
