'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PAYMENT_METHOD_LABELS } from '@/components/ledger/ledger-labels';
import { paymentsReceivedHref, type PaymentsReceivedUrlState } from './payments-received-href';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';

/** Dates, method and reference for the payments received; a change opens the first page of the matching list. */
export function PaymentsReceivedFilters({
  slug,
  state,
  customerName,
}: {
  slug: string;
  state: PaymentsReceivedUrlState;
  customerName: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [v, setV] = useState({ from: state.from ?? '', to: state.to ?? '', q: state.q ?? '' });
  const go = (patch: Partial<PaymentsReceivedUrlState>) =>
    startTransition(() => router.push(paymentsReceivedHref(slug, { ...state, ...patch, page: 1 })));
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        go({ from: v.from || undefined, to: v.to || undefined, q: v.q.trim() || undefined });
      }}
    >
      <div className="w-40">
        <label htmlFor="p-from" className="text-sm font-medium text-slate-700">
          Received from
        </label>
        <input id="p-from" type="date" className={field} value={v.from} onChange={(e) => setV({ ...v, from: e.target.value })} />
      </div>
      <div className="w-40">
        <label htmlFor="p-to" className="text-sm font-medium text-slate-700">
          Received to
        </label>
        <input id="p-to" type="date" className={field} value={v.to} onChange={(e) => setV({ ...v, to: e.target.value })} />
      </div>
      <div className="w-44">
        <label htmlFor="p-q" className="text-sm font-medium text-slate-700">
          Reference
        </label>
        <input id="p-q" type="search" className={field} value={v.q} onChange={(e) => setV({ ...v, q: e.target.value })} placeholder="Starts with…" />
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <div className="w-40">
        <label htmlFor="p-method" className="text-sm font-medium text-slate-700">
          Method
        </label>
        <select id="p-method" className={field} value={state.method ?? ''} onChange={(e) => go({ method: e.target.value || undefined })}>
          <option value="">Any</option>
          {Object.entries(PAYMENT_METHOD_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {state.customer ? (
        <span className="mb-1 inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-sm font-medium text-brand-700">
          {customerName ?? 'One customer'}
          <button
            type="button"
            onClick={() => go({ customer: undefined })}
            className="rounded-full p-0.5 hover:bg-brand-100"
            aria-label="Show every customer"
          >
            <X className="size-3.5" />
          </button>
        </span>
      ) : null}
    </form>
  );
}
