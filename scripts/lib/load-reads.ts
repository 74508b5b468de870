import { todayInTimeZone } from '../../lib/aging/calendar-date';
import { addDays } from './prng';
import { checkAgingCsv, checkAgingReport, type AgingReportJson } from './load-check-aging';
import { checkCustomerAging, checkTransactions, type CustomerAgingJson, type TransactionsJson } from './load-check-customer';
import type { LoadClient } from './load-client';
import type { PageLayout, VirtualUser } from './load-virtual-user';

const PER_PAGE = 50;

export interface AgingQuery {
  page: number;
  sort: string;
  asOf?: string;
  q?: string;
}

/** One aging page, checked on its own; its answer, or undefined after an error. */
export async function agingPage(client: LoadClient, kind: string, query: AgingQuery): Promise<AgingReportJson | undefined> {
  const { persona } = client;
  const params = new URLSearchParams({ page: String(query.page), perPage: String(PER_PAGE), sort: query.sort });
  if (query.asOf) params.set('asOf', query.asOf);
  if (query.q) params.set('q', query.q);
  const path = client.path(`/aging?${params}`);
  const report = await client.request<AgingReportJson>(kind, 'GET', path);
  if (!report) return undefined;
  client.verify(kind, `GET ${path}`, (c) =>
    checkAgingReport(c, report, {
      slug: persona.slug,
      currency: persona.currency,
      bucketKeys: persona.buckets.map((b) => b.key),
      visible: persona.visible,
      page: query.page,
      perPage: PER_PAGE,
      sort: query.sort,
      asOf: query.asOf,
      q: query.q,
    }),
  );
  return report;
}

/** Walks every page sorted by name once (checking each): where each customer sits, for the before/after reads. Stops at a failed page. */
export async function mapPages(client: LoadClient): Promise<PageLayout> {
  const layout: PageLayout = { totalPages: 1, pageByName: new Map() };
  for (let page = 1; page <= layout.totalPages; page++) {
    const report = await agingPage(client, 'setup', { page, sort: 'name' });
    if (!report) break; // the error is in the client's stats
    layout.totalPages = Math.max(1, report.totalPages);
    for (const row of report.rows) layout.pageByName.set(row.customer.id, page);
  }
  return layout;
}

/** A word of three or more Latin letters from a visible customer's name, for the name search. */
function searchTerm(vu: VirtualUser): string {
  const names = [...vu.persona.visible.values()].map((c) => c.name);
  for (let i = 0; i < 5; i++) {
    const words = vu.rng.pick(names).match(/[A-Za-z]{3,}/g);
    if (words) return vu.rng.pick(words).slice(0, vu.rng.int(3, 6));
  }
  return 'an';
}

/** A page biased to the first ones (the ones people open), sometimes deep. */
function somePage(vu: VirtualUser): number {
  return vu.rng.chance(0.5) ? 1 : vu.rng.int(1, vu.layout.totalPages);
}

export type AgingVariant = 'name' | '-total' | 'oldest' | 'search' | 'asOf';

/** The aging page as people use it: by name, largest first, oldest bucket first, a name search, an earlier date. */
export function readAgingPage(vu: VirtualUser, variant: AgingVariant): Promise<unknown> {
  const oldest = `-${vu.persona.buckets.at(-1)!.key}`;
  switch (variant) {
    case 'name':
    case '-total':
      return agingPage(vu.client, `aging ${variant}`, { page: somePage(vu), sort: variant });
    case 'oldest':
      return agingPage(vu.client, `aging ${oldest}`, { page: somePage(vu), sort: oldest });
    case 'search':
      return agingPage(vu.client, 'aging q=', { page: 1, sort: vu.rng.pick(['name', '-total']), q: searchTerm(vu) });
    case 'asOf': {
      const asOf = addDays(todayInTimeZone(vu.persona.timeZone), -vu.rng.int(1, 120));
      return agingPage(vu.client, 'aging asOf', { page: somePage(vu), sort: vu.rng.pick(['name', '-total']), asOf });
    }
  }
}

export async function customerAging(vu: VirtualUser, customerId: string): Promise<CustomerAgingJson | undefined> {
  const path = vu.client.path(`/customers/${customerId}/aging`);
  const r = await vu.client.request<CustomerAgingJson>('customer aging', 'GET', path);
  if (r) vu.client.verify('customer aging', `GET ${path}`, (c) => checkCustomerAging(c, r, vu.persona, customerId));
  return r;
}

export async function transactions(vu: VirtualUser, customerId: string): Promise<TransactionsJson | undefined> {
  const path = vu.client.path(`/customers/${customerId}/transactions`);
  const r = await vu.client.request<TransactionsJson>('transactions', 'GET', path);
  if (r) vu.client.verify('transactions', `GET ${path}`, (c) => checkTransactions(c, r, vu.persona, customerId));
  return r;
}

/** A visible customer's aging or transactions, half and half. */
export function readCustomer(vu: VirtualUser): Promise<unknown> {
  const id = vu.rng.pick([...vu.persona.visible.keys()]);
  return vu.rng.chance(0.5) ? customerAging(vu, id) : transactions(vu, id);
}

/** The CSV export, all rows, sometimes narrowed by a name search, each line checked. */
export async function readExport(vu: VirtualUser): Promise<void> {
  const q = vu.rng.chance(0.3) ? searchTerm(vu) : undefined;
  const params = new URLSearchParams({ sort: vu.rng.pick(['name', '-total']), ...(q ? { q } : {}) });
  const path = vu.client.path(`/aging/export?${params}`);
  const csv = await vu.client.request<string>('export', 'GET', path, { text: true });
  if (csv === undefined) return;
  const { persona } = vu;
  vu.client.verify('export', `GET ${path}`, (c) =>
    checkAgingCsv(c, csv, { currency: persona.currency, bucketLabels: persona.buckets.map((b) => b.label), visible: persona.visible, q }),
  );
}

/** What the caller may not see answers 404: another company's aging, or a customer outside its company or locations. */
export async function readDenied(vu: VirtualUser): Promise<void> {
  const { client, persona } = vu;
  const other = persona.slug === 'acme' ? 'globex' : 'acme';
  const id = vu.rng.pick(persona.hidden);
  const path = vu.rng.pick([client.path('/aging', other), client.path(`/customers/${id}/aging`), client.path(`/customers/${id}/transactions`)]);
  const r = await client.request<{ error?: { code?: string } }>('denied (404)', 'GET', path, { expect: 404 });
  if (r) client.verify('denied (404)', `GET ${path}`, (c) => c.eq(r.error?.code, 'NOT_FOUND', 'error code'));
}
