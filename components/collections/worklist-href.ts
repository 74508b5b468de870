/** The worklist's state as it lives in the URL; absent keys take the caller's defaults. */
export interface WorklistUrlState {
  type?: string;
  scope?: string;
  collectorId?: string;
  page?: number;
}

export function worklistHref(slug: string, s: WorklistUrlState): string {
  const params = new URLSearchParams();
  if (s.type) params.set('type', s.type);
  if (s.scope) params.set('scope', s.scope);
  if (s.collectorId) params.set('collectorId', s.collectorId);
  if (s.page && s.page > 1) params.set('page', String(s.page));
  const query = params.toString();
  return `/${slug}/collections${query ? `?${query}` : ''}`;
}
