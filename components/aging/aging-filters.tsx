'use client';
import { filterFieldClass } from '@/components/ui/filter-fields';
import { useState } from 'react';
import { SlidersHorizontal, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import { PER_PAGE_OPTIONS } from '@/lib/receivables/aging-params';
import type { AgingUrlState } from './aging-href';

interface Props {
  state: AgingUrlState & { perPage: number };
  locations: { id: string; name: string }[];
  currencies: string[];
  billSources: { id: string; name: string }[];
  baseCurrency: string;
  today: string;
  onApply: (state: AgingUrlState) => void;
}

/** The Filter Aging Invoices flyout: edits a draft, applies it on Submit; Clear keeps Per page. */
export function AgingFilters({ state, locations, currencies, billSources, baseCurrency, today, onApply }: Props) {
  const [open, setOpen] = useState(false);
  const [perPage, setPerPage] = useState(state.perPage);
  const [selected, setSelected] = useState<string[]>(state.locations ?? []);
  const [asOf, setAsOf] = useState(state.asOf ?? '');
  const [currency, setCurrency] = useState(state.currency ?? '');
  const [notContacted, setNotContacted] = useState(state.notContactedDays ? String(state.notContactedDays) : '');
  const [brokenPromise, setBrokenPromise] = useState(Boolean(state.brokenPromise));
  const [onHold, setOnHold] = useState(Boolean(state.onHold));
  const [billSource, setBillSource] = useState(state.billSource ?? '');
  const active =
    (state.billSource ? 1 : 0) +
    (state.locations?.length ? 1 : 0) +
    (state.asOf ? 1 : 0) +
    (state.currency ? 1 : 0) +
    (state.notContactedDays ? 1 : 0) +
    (state.brokenPromise ? 1 : 0) +
    (state.onHold ? 1 : 0);

  function openSheet(next: boolean) {
    if (next) {
      setPerPage(state.perPage);
      setSelected(state.locations ?? []);
      setAsOf(state.asOf ?? '');
      setCurrency(state.currency ?? '');
      setNotContacted(state.notContactedDays ? String(state.notContactedDays) : '');
      setBrokenPromise(Boolean(state.brokenPromise));
      setOnHold(Boolean(state.onHold));
      setBillSource(state.billSource ?? '');
    }
    setOpen(next);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const days = Number(notContacted);
    onApply({
      ...state,
      page: 1,
      perPage,
      locations: selected,
      asOf: asOf || undefined,
      currency: currency || undefined,
      notContactedDays: Number.isInteger(days) && days > 0 ? days : undefined,
      brokenPromise: brokenPromise || undefined,
      onHold: onHold || undefined,
      billSource: billSource || undefined,
    });
    setOpen(false);
  }

  function clear() {
    onApply({ perPage: state.perPage, sort: state.sort });
    setOpen(false);
  }

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const nameOf = (id: string) => locations.find((l) => l.id === id)?.name ?? id;

  return (
    <>
      <Sheet
        open={open}
        onOpenChange={openSheet}
        title="Filter Aging Invoices"
        description="Narrow the customers and amounts shown."
        trigger={
          <Button variant="secondary">
            <SlidersHorizontal className="size-4" aria-hidden /> Filter
            {active > 0 ? (
              <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white" aria-label={`${active} active`}>
                {active}
              </span>
            ) : null}
          </Button>
        }
      >
        <form onSubmit={submit} className="space-y-5">
          <div>
            <label htmlFor="f-per-page" className="text-sm font-medium text-slate-700">
              Per page
            </label>
            <select id="f-per-page" className={filterFieldClass} value={perPage} onChange={(e) => setPerPage(Number(e.target.value))}>
              {PER_PAGE_OPTIONS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Locations</legend>
            <p className="text-xs text-slate-500">Leave blank for all {locations.length} locations you can see.</p>
            {selected.length > 0 ? (
              <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Selected locations">
                {selected.map((id) => (
                  <li
                    key={id}
                    className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-brand-700"
                  >
                    {nameOf(id)}
                    <button
                      type="button"
                      onClick={() => toggle(id)}
                      className="rounded-full p-0.5 hover:bg-brand-100"
                      aria-label={`Remove ${nameOf(id)}`}
                    >
                      <X className="size-3" />
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
              {locations.map((l) => (
                <label key={l.id} className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                  <input type="checkbox" className="size-4 accent-brand-600" checked={selected.includes(l.id)} onChange={() => toggle(l.id)} />
                  {l.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="f-as-of" className="text-sm font-medium text-slate-700">
              As-of date
            </label>
            <input id="f-as-of" type="date" className={filterFieldClass} value={asOf} onChange={(e) => setAsOf(e.target.value)} />
            <p className="mt-1 text-xs text-slate-500">Blank means today ({today}) in the company&apos;s time zone.</p>
          </div>
          {currencies.length > 1 ? (
            <div>
              <label htmlFor="f-currency" className="text-sm font-medium text-slate-700">
                Currency
              </label>
              <select
                id="f-currency"
                className={filterFieldClass}
                value={currency || baseCurrency}
                onChange={(e) => setCurrency(e.target.value === baseCurrency ? '' : e.target.value)}
              >
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                    {c === baseCurrency ? ' (base)' : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {billSources.length > 0 ? (
            <div>
              <label htmlFor="f-bill-source" className="text-sm font-medium text-slate-700">
                Bill source
              </label>
              <select id="f-bill-source" className={filterFieldClass} value={billSource} onChange={(e) => setBillSource(e.target.value)}>
                <option value="">All invoices</option>
                {billSources.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
              <p className="mt-1 text-xs text-slate-500">Its invoices only, aged by its own periods; unapplied money is left out.</p>
            </div>
          ) : null}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Collections</legend>
            <div>
              <label htmlFor="f-not-contacted" className="text-sm text-slate-700">
                Not contacted in (days)
              </label>
              <input
                id="f-not-contacted"
                type="number"
                min={1}
                max={3650}
                inputMode="numeric"
                className={filterFieldClass}
                value={notContacted}
                onChange={(e) => setNotContacted(e.target.value)}
                placeholder="Any"
              />
            </div>
            <label className="flex cursor-pointer items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={brokenPromise}
                onChange={(e) => setBrokenPromise(e.target.checked)}
              />
              Broken promise (not followed up)
            </label>
            <label className="flex cursor-pointer items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-brand-600" checked={onHold} onChange={(e) => setOnHold(e.target.checked)} />
              On hold or disputed
            </label>
          </fieldset>
          <div className="flex gap-2 border-t border-slate-200 pt-4">
            <Button type="submit" className="flex-1">
              Submit
            </Button>
            <Button type="button" variant="secondary" onClick={clear}>
              Clear
            </Button>
          </div>
        </form>
      </Sheet>
    </>
  );
}
