'use client';
import { filterFieldClass, CustomerFilterChip } from '@/components/ui/filter-fields';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { agingDetailHref, type AgingDetailUrlState } from './aging-detail-href';

/** The detail's filters: each change opens the matching URL (first page), so a view can be bookmarked. */
export function AgingDetailFilters({
  slug,
  state,
  buckets,
  locations,
  billSources,
  customerName,
}: {
  slug: string;
  state: AgingDetailUrlState;
  buckets: { key: string; label: string }[];
  locations: { id: string; name: string }[];
  billSources: { id: string; name: string }[];
  customerName: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (patch: Partial<AgingDetailUrlState>) => startTransition(() => router.push(agingDetailHref(slug, { ...state, ...patch, page: 1 })));
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div className="w-44">
        <label htmlFor="d-bucket" className="text-sm font-medium text-slate-700">
          Bucket
        </label>
        <select id="d-bucket" className={filterFieldClass} value={state.bucket ?? ''} onChange={(e) => go({ bucket: e.target.value || undefined })}>
          <option value="">All buckets</option>
          {buckets.map((b) => (
            <option key={b.key} value={b.key}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div className="w-48">
        <label htmlFor="d-location" className="text-sm font-medium text-slate-700">
          Location
        </label>
        <select
          id="d-location"
          className={filterFieldClass}
          value={state.locations?.length === 1 ? state.locations[0] : ''}
          onChange={(e) => go({ locations: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">{state.locations && state.locations.length > 1 ? `${state.locations.length} locations` : 'All your locations'}</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {billSources.length > 0 ? (
        <div className="w-44">
          <label htmlFor="d-bill-source" className="text-sm font-medium text-slate-700">
            Bill source
          </label>
          <select
            id="d-bill-source"
            className={filterFieldClass}
            value={state.billSource ?? ''}
            onChange={(e) => go({ billSource: e.target.value || undefined, bucket: undefined })}
          >
            <option value="">All invoices</option>
            {billSources.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="w-44">
        <label htmlFor="d-as-of" className="text-sm font-medium text-slate-700">
          As of
        </label>
        <input
          id="d-as-of"
          type="date"
          className={filterFieldClass}
          value={state.asOf ?? ''}
          onChange={(e) => e.target.value && go({ asOf: e.target.value })}
        />
      </div>
      <div className="w-52">
        <label htmlFor="d-sort" className="text-sm font-medium text-slate-700">
          Order
        </label>
        <select
          id="d-sort"
          className={filterFieldClass}
          value={state.sort ?? '-days'}
          onChange={(e) => go({ sort: e.target.value as 'days' | '-days' })}
        >
          <option value="-days">Most days overdue first</option>
          <option value="days">Fewest days overdue first</option>
        </select>
      </div>
      {state.customer ? <CustomerFilterChip name={customerName} onClear={() => go({ customer: undefined })} /> : null}
    </div>
  );
}
