/** The aging page's state as it lives in the URL; absent keys take the server's defaults. */
export interface AgingUrlState {
  asOf?: string;
  locations?: string[];
  currency?: string;
  page?: number;
  perPage?: number;
  sort?: string;
  q?: string;
  /** Collections filters. */
  notContactedDays?: number;
  brokenPromise?: boolean;
  onHold?: boolean;
  /** One bill source, aged by its periods. */
  billSource?: string;
}

export function agingHref(slug: string, state: AgingUrlState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.locations?.length) params.set('locations', state.locations.join(','));
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.currency) params.set('currency', state.currency);
  if (state.sort && state.sort !== 'name') params.set('sort', state.sort);
  if (state.perPage && state.perPage !== 50) params.set('perPage', String(state.perPage));
  if (state.notContactedDays) params.set('notContactedDays', String(state.notContactedDays));
  if (state.brokenPromise) params.set('brokenPromise', '1');
  if (state.onHold) params.set('onHold', '1');
  if (state.billSource) params.set('billSource', state.billSource);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/${slug}/accounting/aging-invoices${query ? `?${query}` : ''}`;
}
