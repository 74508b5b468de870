/** The statements page's state as it lives in the URL; absent keys take the server's defaults. */
export interface StatementsUrlState {
  q?: string;
  customerId?: string;
  batchId?: string;
  from?: string;
  to?: string;
  page?: number;
  perPage?: number;
}

export function statementsHref(slug: string, state: StatementsUrlState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.customerId) params.set('customerId', state.customerId);
  if (state.batchId) params.set('batchId', state.batchId);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.perPage && state.perPage !== 25) params.set('perPage', String(state.perPage));
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/${slug}/accounting/statements${query ? `?${query}` : ''}`;
}
