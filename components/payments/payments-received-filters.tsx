'use client';
import { filterFieldClass, CustomerFilterChip } from '@/components/ui/filter-fields';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { PAYMENT_METHOD_LABELS } from '@/components/ledger/ledger-labels';
import { paymentsReceivedHref, type PaymentsReceivedUrlState } from './payments-received-href';

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
        <input id="p-from" type="date" className={filterFieldClass} value={v.from} onChange={(e) => setV({ ...v, from: e.target.value })} />
      </div>
      <div className="w-40">
        <label htmlFor="p-to" className="text-sm font-medium text-slate-700">
          Received to
        </label>
        <input id="p-to" type="date" className={filterFieldClass} value={v.to} onChange={(e) => setV({ ...v, to: e.target.value })} />
      </div>
      <div className="w-44">
        <label htmlFor="p-q" className="text-sm font-medium text-slate-700">
          Reference
        </label>
        <input
          id="p-q"
          type="search"
          className={filterFieldClass}
          value={v.q}
          onChange={(e) => setV({ ...v, q: e.target.value })}
          placeholder="Starts with…"
        />
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <div className="w-40">
        <label htmlFor="p-method" className="text-sm font-medium text-slate-700">
          Method
        </label>
        <select id="p-method" className={filterFieldClass} value={state.method ?? ''} onChange={(e) => go({ method: e.target.value || undefined })}>
          <option value="">Any</option>
          {Object.entries(PAYMENT_METHOD_LABELS).map(([key, label]) => (
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
