import Link from 'next/link';
import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { statementsHref, type StatementsUrlState } from './statements-href';

const field =
  'mt-1 block h-10 rounded-md border border-slate-300 bg-white px-3 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';

/**
 * The statements filter as a plain GET form: its state is the URL, it works before hydration, and Back
 * restores it. The batch and customer filters ride along as hidden fields (their chips clear them).
 */
export function StatementsFilters({ slug, state }: { slug: string; state: StatementsUrlState }) {
  const active = Boolean(state.q || state.from || state.to);
  return (
    <form
      method="get"
      action={`/${slug}/accounting/statements`}
      role="search"
      aria-label="Filter statements"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      {state.batchId ? <input type="hidden" name="batchId" value={state.batchId} /> : null}
      {state.customerId ? <input type="hidden" name="customerId" value={state.customerId} /> : null}
      <div className="min-w-56 flex-1">
        <label htmlFor="st-q" className="text-sm font-medium text-slate-700">
          Customer
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-3 top-1/2 mt-0.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
          <input
            id="st-q"
            name="q"
            type="search"
            defaultValue={state.q ?? ''}
            placeholder="Search by customer name…"
            maxLength={100}
            className={`${field} w-full pl-9`}
          />
        </div>
      </div>
      <div>
        <label htmlFor="st-from" className="text-sm font-medium text-slate-700">
          Created from
        </label>
        <input id="st-from" name="from" type="date" defaultValue={state.from ?? ''} className={field} />
      </div>
      <div>
        <label htmlFor="st-to" className="text-sm font-medium text-slate-700">
          Created to
        </label>
        <input id="st-to" name="to" type="date" defaultValue={state.to ?? ''} className={field} />
      </div>
      <div>
        <label htmlFor="st-per-page" className="text-sm font-medium text-slate-700">
          Per page
        </label>
        <select id="st-per-page" name="perPage" defaultValue={String(state.perPage ?? 25)} className={field}>
          {[10, 25, 50].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        {active ? (
          <Button asChild variant="secondary">
            <Link href={statementsHref(slug, { batchId: state.batchId, customerId: state.customerId, perPage: state.perPage })}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
