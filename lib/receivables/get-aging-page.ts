import 'server-only';
import { prisma } from '@/lib/db/client';
import { bucketsOf } from '@/lib/aging/scheme';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { seesEveryLocation } from '@/lib/auth/can';
import { getAgingContext } from './get-aging-context';
import { notFound } from '@/lib/errors/app-error';
import { countOpenInvoices } from './count-open-invoices';
import { toMinor } from './aging-sql';
import { agingPageQuery, usesRunningTotals } from './aging-page-query';
import type { AgingCursor } from './aging-page-rows';
import { withFreshSnapshots } from '@/lib/snapshots/with-fresh-snapshots';
import { locationScope } from './resolve-location-filter';
import type { AgingParams } from './aging-params';
import { collectionsFilterSql, customersFilteredOut, getAgingCollections, NO_COLLECTIONS, type AgingCollections } from './aging-collections';

export interface AgingAmountsRow {
  amounts: Record<string, number>;
  /** Payments and credits received by the as-of date and not applied on it. */
  unapplied: number;
  /** The buckets less unapplied: what the customer owes net. */
  total: number;
}

export interface AgingReport {
  company: string;
  asOf: CalendarDate;
  currency: string;
  buckets: { key: string; label: string }[];
  summary: AgingAmountsRow;
  rows: (AgingAmountsRow & { customer: { id: string; name: string }; collections: AgingCollections })[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
  sort: string;
  /** The location filter applied; empty means every location the user may view. */
  locations: string[];
  /** The bill source shown (its invoices only, aged by its periods); null: every invoice. */
  billSource: { id: string; name: string } | null;
  /** Whether any row has unapplied money: the page shows the Unapplied column only then. */
  hasUnapplied: boolean;
}

type Row = Record<string, bigint | number | string | null>;

/**
 * One page of customer rows with the summary over all rows, in a single statement: the aggregate runs once,
 * and the summary always equals the sum of every row on every page. With `after`, the page counts from after
 * that customer (by name or an amount; not by a bucket from the running totals).
 */
export async function getAgingPage(
  access: CompanyAccess,
  params: AgingParams & { after?: AgingCursor | null },
  now: Date = new Date(),
): Promise<AgingReport> {
  const locationIds = locationScope(access, params.locations);
  // Collections status and filters are today's, whatever the as-of date.
  const today = todayInTimeZone(access.company.timeZone, now);
  const asOf = params.asOf ?? today;
  const currency = params.currency ?? access.company.baseCurrency;
  const billSourceId = params.billSource ?? null;
  const [{ scheme, historical, withUnapplied, billSource }, openInvoices, filteredOut] = await Promise.all([
    getAgingContext(access.company.id, asOf, currency, billSourceId),
    countOpenInvoices(access.company.id, currency),
    // A name search reads the invoices of the customers it finds, whatever the filters.
    params.q ? null : customersFilteredOut(access.company.id, params, today, access.company.timeZone, locationIds),
  ]);
  if (billSourceId && !billSource) throw notFound('Bill source');
  const buckets = bucketsOf(scheme);
  const sort = params.sort ?? 'name';
  const customerFilter = collectionsFilterSql(params, today, access.company.timeZone);
  const query = {
    companyId: access.company.id,
    buckets,
    asOf,
    currency,
    locationIds,
    q: params.q,
    historical,
    // Payments and credits have no bill source: one bill source's page shows what its invoices owe.
    withUnapplied: withUnapplied && !billSourceId,
    billSourceId,
    openInvoices,
    customerFilter,
    filteredOut,
    sort,
    page: params.page,
    perPage: params.perPage,
    after: params.after ?? null,
  };
  // An earlier week's or month's end is read from its snapshot when the page can be (agingPageFromTotals).
  const rows =
    historical && usesRunningTotals({ ...query, snapshotId: 1n })
      ? await withFreshSnapshots(access.company.id, [asOf], (db, snaps) =>
          db.$queryRaw<Row[]>(agingPageQuery({ ...query, snapshotId: snaps.get(asOf) ?? null })),
        )
      : await prisma.$queryRaw<Row[]>(agingPageQuery(query));
  const first = rows[0] ?? {};
  const totalRows = Number(first.n ?? 0);
  const pageRows = rows.filter((r) => r.customer_id !== null);
  const collections = await getAgingCollections(
    access.company.id,
    pageRows.map((r) => String(r.customer_id)),
    today,
    seesEveryLocation(access) ? null : access.viewLocations.map((l) => l.id),
  );
  const amountsOf = (row: Row, prefix: string) => Object.fromEntries(buckets.map((b, i) => [b.key, toMinor(row[`${prefix}${i}`] as bigint)]));
  return {
    company: access.company.slug,
    asOf,
    currency,
    buckets: buckets.map(({ key, label }) => ({ key, label })),
    summary: { amounts: amountsOf(first, 's'), unapplied: toMinor(first.sunapplied as bigint), total: toMinor(first.stotal as bigint) },
    rows: pageRows.map((r) => ({
      customer: { id: String(r.customer_id), name: String(r.customer_name) },
      amounts: amountsOf(r, 'b'),
      unapplied: toMinor(r.unapplied as bigint),
      total: toMinor(r.total as bigint),
      collections: collections.get(String(r.customer_id)) ?? NO_COLLECTIONS,
    })),
    page: params.page,
    perPage: params.perPage,
    totalRows,
    totalPages: Math.ceil(totalRows / params.perPage),
    sort,
    locations: params.locations,
    billSource,
    hasUnapplied: toMinor(first.sunapplied as bigint) > 0,
  };
}
