import 'server-only';
import { z } from 'zod';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { isCalendarDate, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { parseAmount } from '@/lib/money/parse-amount';
import { skipRecentSince, SKIP_RECENT_OPTIONS } from './skip-recent';
import { permittedLocations, seesEveryLocation } from '@/lib/auth/can';

export const ELIGIBILITY_MODES = ['open', 'past_due', 'threshold'] as const;
export type EligibilityMode = (typeof ELIGIBILITY_MODES)[number];

/** What the Generate Statements modal sends; Preview and Generate share it. */
export const statementCriteriaSchema = z.object({
  mode: z.enum(ELIGIBILITY_MODES, 'Choose Open, Past Due or Threshold'),
  threshold: z.string().max(40).optional(),
  /** The page's location filter; empty means every location where the user may modify invoices. */
  locations: z.array(z.guid('Each location must be an id')).max(1000).default([]),
  skipRecent: z.enum(SKIP_RECENT_OPTIONS.map((o) => o.value) as [string, ...string[]], 'Choose a Skip Recent window').default('none'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code')
    .optional(),
  /** The customers selected on the page; empty means every eligible customer in the locations. */
  customerIds: z.array(z.guid('Each customer must be an id')).max(10_000).default([]),
  asOf: z.string().refine(isCalendarDate, 'As-of date must be a real date (YYYY-MM-DD)').optional(),
  email: z.boolean().default(false),
  /** Generate next batch: continue after this customer in the run's name order (GenerateResult.next). */
  after: z.object({ name: z.string().max(1000), id: z.guid('After must name a customer id') }).optional(),
});
export type StatementCriteriaInput = z.input<typeof statementCriteriaSchema>;

export interface StatementCriteria {
  companyId: string;
  mode: EligibilityMode;
  thresholdMinor: number | null;
  locationIds: string[];
  /** locationIds as a query filter: null when they are every location of the company (an admin who chose none). */
  locationFilter: string[] | null;
  skipRecent: string;
  /** Customers with a statement in this currency created at or after it are skipped; null for None. */
  since: Date | null;
  currency: string;
  customerIds: string[];
  asOf: CalendarDate;
  email: boolean;
  /** Only customers after this one in name order (the previous batch's last). */
  after: { name: string; id: string } | null;
}

/**
 * Validates the modal's input against what the user may do: a statement shows a location's invoices and is
 * sent on the company's behalf, so it needs invoices.view and invoices.modify there, and covers only
 * locations where the user has both. A location without them is refused, not silently dropped; blank means
 * every location where the user has both.
 */
export function resolveStatementCriteria(access: CompanyAccess, input: unknown, now: Date): StatementCriteria {
  const allowed = new Set(permittedLocations(access, 'invoices.view', 'invoices.modify'));
  if (allowed.size === 0) {
    throw new AppError('FORBIDDEN', 'Generating statements needs the invoices.view and invoices.modify permissions on at least one location.');
  }
  const c = parseOrThrow(statementCriteriaSchema, input);
  const denied = c.locations.filter((id) => !allowed.has(id));
  if (denied.length > 0) {
    throw new AppError('FORBIDDEN', 'You may not generate statements for a location where you cannot both view and modify invoices.', [
      { path: 'locations', message: 'Includes a location where you cannot both view and modify invoices' },
    ]);
  }
  const currency = c.currency ?? access.company.baseCurrency;
  let thresholdMinor: number | null = null;
  if (c.mode === 'threshold') {
    const parsed = parseAmount(c.threshold ?? '', currency);
    if (!parsed.ok) throw new AppError('BAD_REQUEST', `Threshold: ${parsed.message}`, [{ path: 'threshold', message: parsed.message }]);
    thresholdMinor = parsed.minor;
  }
  return {
    companyId: access.company.id,
    mode: c.mode,
    thresholdMinor,
    locationIds: c.locations.length > 0 ? c.locations : [...allowed],
    locationFilter: c.locations.length === 0 && seesEveryLocation(access) ? null : c.locations.length > 0 ? c.locations : [...allowed],
    skipRecent: c.skipRecent,
    since: skipRecentSince(c.skipRecent as Parameters<typeof skipRecentSince>[0], now),
    currency,
    customerIds: c.customerIds,
    asOf: c.asOf ?? todayInTimeZone(access.company.timeZone, now),
    email: c.email,
    after: c.after ?? null,
  };
}
