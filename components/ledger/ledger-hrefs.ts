export type CreditKind = 'payment' | 'credit_note';

export const invoiceHref = (slug: string, invoiceId: string) => `/${slug}/invoices/${invoiceId}`;
export const customerAccountingHref = (slug: string, customerId: string) => `/${slug}/customers/${customerId}/accounting`;
export const applyHref = (slug: string, kind: CreditKind, id: string) => `/${slug}/accounting/payments/${kind}/${id}/apply`;

/** The Unapplied Payments or Customer Credits list, at a page (the default per-page is left out of the URL). */
export function unappliedListHref(slug: string, kind: CreditKind, state: { page?: number; perPage?: number } = {}): string {
  const params = new URLSearchParams();
  if (state.perPage && state.perPage !== 25) params.set('perPage', String(state.perPage));
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/${slug}/accounting/${kind === 'payment' ? 'payments' : 'credits'}${query ? `?${query}` : ''}`;
}
