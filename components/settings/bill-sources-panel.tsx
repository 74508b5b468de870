'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { fieldErrors, inputClass } from '@/components/ui/field-errors';
import { saveBillSourceAction } from '@/lib/actions/settings/save-bill-source';
import { describeFrequency, type BillingFrequency } from '@/lib/aging/billing-frequency';

interface Source {
  id: string;
  name: string;
  frequency: BillingFrequency;
  ownScheme: boolean;
}

const blank = { name: '', kind: 'monthly' as BillingFrequency['kind'], days: 30 };

/** The form for one bill source: a new one (`source` undefined) or an existing one. */
function SourceForm({ slug, source, onDone }: { slug: string; source?: Source; onDone: () => void }) {
  const [v, setV] = useState(
    source ? { name: source.name, kind: source.frequency.kind, days: source.frequency.kind === 'every_n_days' ? source.frequency.days : 30 } : blank,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const prefix = source ? `source-${source.id}` : 'new-source';
  const { error, invalid } = fieldErrors(errors);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const frequency = v.kind === 'every_n_days' ? { kind: v.kind, days: v.days } : { kind: v.kind };
    startTransition(async () => {
      const result = await saveBillSourceAction(slug, { name: v.name, frequency }, source?.id);
      if (result.ok) {
        setErrors({});
        if (!source) setV(blank);
        toast.success(source ? `${result.data.name} saved` : `${result.data.name} added`);
        onDone();
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
      <div className="min-w-56">
        <label htmlFor={`${prefix}-name`} className="text-xs font-medium">
          Name
        </label>
        <input
          id={`${prefix}-name`}
          className={inputClass}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          {...invalid('name')}
        />
        {error('name')}
      </div>
      <div>
        <label htmlFor={`${prefix}-frequency`} className="text-xs font-medium">
          Billed
        </label>
        <select
          id={`${prefix}-frequency`}
          className={inputClass}
          value={v.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value as BillingFrequency['kind'] })}
          {...invalid('frequency')}
        >
          <option value="weekly">Weekly</option>
          <option value="every_n_days">Every N days</option>
          <option value="monthly">Monthly</option>
          <option value="quarterly">Quarterly</option>
        </select>
        {error('frequency')}
      </div>
      {v.kind === 'every_n_days' ? (
        <div className="w-28">
          <label htmlFor={`${prefix}-days`} className="text-xs font-medium">
            Days
          </label>
          <input
            id={`${prefix}-days`}
            type="number"
            min={1}
            max={366}
            className={`${inputClass} text-right tabular-nums`}
            value={Number.isNaN(v.days) ? '' : v.days}
            onChange={(e) => setV({ ...v, days: e.target.value === '' ? NaN : Number(e.target.value) })}
            {...invalid('frequency.days')}
          />
          {error('frequency.days')}
        </div>
      ) : null}
      <div className="pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : source ? 'Save' : 'Add bill source'}
        </Button>
      </div>
    </form>
  );
}

/** Bill sources: what invoices bill for, each with its billing cycle and, optionally, its own aging periods. */
export function BillSourcesPanel({ slug, sources, editable }: { slug: string; sources: Source[]; editable: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="mt-6 space-y-6">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="sr-only">Bill sources</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Billed
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Aging periods
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sources.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  No bill sources yet. Invoices without one age by the company&apos;s periods.
                </td>
              </tr>
            ) : null}
            {sources.map((s) =>
              editing === s.id ? (
                <tr key={s.id}>
                  <td colSpan={4} className="px-4 py-3">
                    <SourceForm slug={slug} source={s} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={s.id}>
                  <td className="px-4 py-2 font-medium">{s.name}</td>
                  <td className="px-4 py-2">{describeFrequency(s.frequency)}</td>
                  <td className="px-4 py-2">
                    <Link className="text-brand-700 underline-offset-2 hover:underline" href={`/${slug}/settings/aging?source=${s.id}`}>
                      {s.ownScheme ? 'Its own' : "The company's"}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-right">
                    {editable ? (
                      <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(s.id)} aria-label={`Edit ${s.name}`}>
                        Edit
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {editable ? (
        <section aria-labelledby="add-source" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="add-source" className="mb-3 text-sm font-semibold">
            Add a bill source
          </h2>
          <SourceForm slug={slug} onDone={() => undefined} />
        </section>
      ) : null}
    </div>
  );
}
