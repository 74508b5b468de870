/** The invoices list's state as it lives in the URL; absent keys take the server's defaults. */
export interface InvoiceListUrlState {
  state?: string[];
  bucket?: string;
  customer?: string;
  locations?: string[];
  billSource?: string;
  currency?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
  page?: number;
  perPage?: number;
}

export function invoiceListHref(slug: string, s: InvoiceListUrlState): string {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  if (s.state?.length) params.set('state', s.state.join(','));
  if (s.bucket) params.set('bucket', s.bucket);
  if (s.customer) params.set('customer', s.customer);
  if (s.locations?.length) params.set('locations', s.locations.join(','));
  if (s.billSource) params.set('billSource', s.billSource);
  if (s.currency) params.set('currency', s.currency);
  if (s.from) params.set('from', s.from);
  if (s.to) params.set('to', s.to);
  if (s.sort && s.sort !== '-invoiceDate') params.set('sort', s.sort);
  if (s.perPage && s.perPage !== 50) params.set('perPage', String(s.perPage));
  if (s.page && s.page > 1) params.set('page', String(s.page));
  const query = params.toString();
  return `/${slug}/invoices${query ? `?${query}` : ''}`;
}
