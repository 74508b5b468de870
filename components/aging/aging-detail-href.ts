/** The AR aging detail's state as it lives in the URL; absent keys take the server's defaults. */
export interface AgingDetailUrlState {
  asOf?: string;
  locations?: string[];
  currency?: string;
  billSource?: string;
  bucket?: string;
  customer?: string;
  sort?: 'days' | '-days';
  page?: number;
  perPage?: number;
}

export function agingDetailHref(slug: string, s: AgingDetailUrlState): string {
  const params = new URLSearchParams();
  if (s.bucket) params.set('bucket', s.bucket);
  if (s.customer) params.set('customer', s.customer);
  if (s.locations?.length) params.set('locations', s.locations.join(','));
  if (s.billSource) params.set('billSource', s.billSource);
  if (s.asOf) params.set('asOf', s.asOf);
  if (s.currency) params.set('currency', s.currency);
  if (s.sort === 'days') params.set('sort', 'days');
  if (s.perPage && s.perPage !== 50) params.set('perPage', String(s.perPage));
  if (s.page && s.page > 1) params.set('page', String(s.page));
  const query = params.toString();
  return `/${slug}/accounting/aging-detail${query ? `?${query}` : ''}`;
}
