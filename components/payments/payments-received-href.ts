/** The payments received list's state as it lives in the URL. */
export interface PaymentsReceivedUrlState {
  from?: string;
  to?: string;
  customer?: string;
  method?: string;
  q?: string;
  currency?: string;
  page?: number;
  perPage?: number;
}

export function paymentsReceivedQuery(s: PaymentsReceivedUrlState): string {
  const params = new URLSearchParams();
  for (const k of ['from', 'to', 'customer', 'method', 'q', 'currency'] as const) if (s[k]) params.set(k, s[k]!);
  if (s.perPage && s.perPage !== 50) params.set('perPage', String(s.perPage));
  if (s.page && s.page > 1) params.set('page', String(s.page));
  return params.toString();
}

export const paymentsReceivedHref = (slug: string, s: PaymentsReceivedUrlState) => {
  const q = paymentsReceivedQuery(s);
  return `/${slug}/accounting/payments/received${q ? `?${q}` : ''}`;
};
