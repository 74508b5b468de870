'use client';
import { filterFieldClass, CustomerFilterChip } from '@/components/ui/filter-fields';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { INVOICE_STATUS_LABELS } from '@/components/ledger/ledger-labels';
import { invoiceListHref, type InvoiceListUrlState } from './invoice-list-href';

const SORTS: [string, string][] = [
  ['-invoiceDate', 'Newest first'],
  ['invoiceDate', 'Oldest first'],
  ['dueDate', 'Due soonest first'],
  ['-dueDate', 'Due latest first'],
  ['number', 'Number A-Z'],
  ['-number', 'Number Z-A'],
];

/** The invoices list's filters: a change opens the matching URL at the first page. */
export function InvoiceListFilters({
  slug,
  state,
  buckets,
  locations,
  billSources,
  customerName,
}: {
  slug: string;
  state: InvoiceListUrlState;
  buckets: { key: string; label: string }[];
  locations: { id: string; name: string }[];
  billSources: { id: string; name: string }[];
  customerName: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(state.q ?? '');
  const [from, setFrom] = useState(state.from ?? '');
  const [to, setTo] = useState(state.to ?? '');
  const go = (patch: Partial<InvoiceListUrlState>) => startTransition(() => router.push(invoiceListHref(slug, { ...state, ...patch, page: 1 })));
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: q.trim() || undefined, from: from || undefined, to: to || undefined });
      }}
    >
      <div className="w-40">
        <label htmlFor="i-q" className="text-sm font-medium text-slate-700">
          Number
        </label>
        <input id="i-q" type="search" className={filterFieldClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder="Starts with…" />
      </div>
      <div className="w-40">
        <label htmlFor="i-state" className="text-sm font-medium text-slate-700">
          State
        </label>
        <select
          id="i-state"
          className={filterFieldClass}
          value={state.state?.length === 1 ? state.state[0] : ''}
          onChange={(e) => go({ state: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">{state.state && state.state.length > 1 ? `${state.state.length} states` : 'Every state'}</option>
          {Object.entries(INVOICE_STATUS_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="w-36">
        <label htmlFor="i-bucket" className="text-sm font-medium text-slate-700">
          Aging today
        </label>
        <select id="i-bucket" className={filterFieldClass} value={state.bucket ?? ''} onChange={(e) => go({ bucket: e.target.value || undefined })}>
          <option value="">Any</option>
          {buckets.map((b) => (
            <option key={b.key} value={b.key}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div className="w-44">
        <label htmlFor="i-location" className="text-sm font-medium text-slate-700">
          Location
        </label>
        <select
          id="i-location"
          className={filterFieldClass}
          value={state.locations?.length === 1 ? state.locations[0] : ''}
          onChange={(e) => go({ locations: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">All your locations</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {billSources.length > 0 ? (
        <div className="w-40">
          <label htmlFor="i-bill-source" className="text-sm font-medium text-slate-700">
            Bill source
          </label>
          <select
            id="i-bill-source"
            className={filterFieldClass}
            value={state.billSource ?? ''}
            onChange={(e) => go({ billSource: e.target.value || undefined })}
          >
            <option value="">Any</option>
            {billSources.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="w-40">
        <label htmlFor="i-from" className="text-sm font-medium text-slate-700">
          Dated from
        </label>
        <input id="i-from" type="date" className={filterFieldClass} value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="w-40">
        <label htmlFor="i-to" className="text-sm font-medium text-slate-700">
          Dated to
        </label>
        <input id="i-to" type="date" className={filterFieldClass} value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <div className="w-44">
        <label htmlFor="i-sort" className="text-sm font-medium text-slate-700">
          Order
        </label>
        <select id="i-sort" className={filterFieldClass} value={state.sort ?? '-invoiceDate'} onChange={(e) => go({ sort: e.target.value })}>
          {SORTS.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {state.customer ? <CustomerFilterChip name={customerName} onClear={() => go({ customer: undefined })} /> : null}
    </form>
  );
}
