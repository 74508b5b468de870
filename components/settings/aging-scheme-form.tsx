'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { fieldErrors, inputClass } from '@/components/ui/field-errors';
import { updateAgingSchemeAction } from '@/lib/actions/settings/update-aging-scheme';
import { agingSchemeSchema, bucketsOf, fullScheme, MAX_AGING_PERIODS, MAX_PERIOD_DAYS, type AgingPeriod, type AgingScheme } from '@/lib/aging/scheme';

type Scheme = Required<AgingScheme>;
interface Preset {
  key: string;
  name: string;
  scheme: AgingScheme;
}

/** What each bucket holds, in words: "1-30 days past due", "not yet due and up to 30 days past due". */
function holds(b: ReturnType<typeof bucketsOf>[number]): string {
  if (b.kind === 'pending') return 'invoices dated after the as-of date';
  if (b.kind === 'current') return 'not yet past due';
  const from = b.minDays === null ? 'not yet due' : `${b.minDays} days past due`;
  return b.maxDays === null ? `${from} and older` : `${from} to ${b.maxDays} days past due`;
}

/** The company's aging periods (admins): presets, the Pending and Current buckets, and up to 13 overdue periods. */
export function AgingSchemeForm({ slug, scheme, presets, editable }: { slug: string; scheme: Scheme; presets: Preset[]; editable: boolean }) {
  const [s, setS] = useState<Scheme>(scheme);
  const [preset, setPreset] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const setPeriod = (i: number, patch: Partial<AgingPeriod>) => setS({ ...s, periods: s.periods.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  // The preview follows the form as typed.
  const parsed = agingSchemeSchema.safeParse(s);
  const buckets = parsed.success ? bucketsOf(parsed.data) : null;

  function applyPreset(key: string) {
    const p = presets.find((x) => x.key === key);
    if (!p) return;
    setS(fullScheme(p.scheme));
    setErrors({});
    toast.info(`${p.name} filled in: save to use it`);
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateAgingSchemeAction(slug, s);
      if (result.ok) {
        setErrors({});
        toast.success('Aging periods saved: every page and report uses them now');
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  const { error: err, invalid } = fieldErrors(errors);
  const last = s.periods.length - 1;

  return (
    // noValidate: the server names the field and the problem (the browser's own bubble would hide which period).
    <form onSubmit={save} noValidate className="mt-6 space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <fieldset disabled={!editable || pending} className="space-y-6">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-72">
            <label htmlFor="preset" className="text-sm font-medium">
              Start from a preset
            </label>
            <select id="preset" className={inputClass} value={preset} onChange={(e) => setPreset(e.target.value)}>
              <option value="">Choose a preset…</option>
              {presets.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="button" variant="secondary" disabled={!preset} onClick={() => applyPreset(preset)}>
            Fill in
          </Button>
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-lg border border-slate-200 p-4">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" checked={s.showPending} onChange={(e) => setS({ ...s, showPending: e.target.checked })} />
              Pending bucket
            </label>
            <p className="text-xs text-slate-500">Invoices dated after the as-of date. Without it they count as not yet due.</p>
            <label htmlFor="pendingLabel" className="mt-2 block text-xs font-medium">
              Label
            </label>
            <input
              id="pendingLabel"
              className={inputClass}
              value={s.pendingLabel}
              disabled={!s.showPending}
              onChange={(e) => setS({ ...s, pendingLabel: e.target.value })}
              {...invalid('pendingLabel')}
            />
            {err('pendingLabel')}
          </div>
          <div className="rounded-lg border border-slate-200 p-4">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" checked={s.showCurrent} onChange={(e) => setS({ ...s, showCurrent: e.target.checked })} />
              Current bucket (period 0)
            </label>
            <p className="text-xs text-slate-500">Money not yet past due. Without it, it counts in the first period (&quot;0-30&quot;).</p>
            <label htmlFor="currentLabel" className="mt-2 block text-xs font-medium">
              Label
            </label>
            <input
              id="currentLabel"
              className={inputClass}
              value={s.currentLabel}
              disabled={!s.showCurrent}
              onChange={(e) => setS({ ...s, currentLabel: e.target.value })}
              {...invalid('currentLabel')}
            />
            {err('currentLabel')}
          </div>
        </div>

        <fieldset>
          <legend className="text-sm font-medium">Overdue periods</legend>
          <p className="text-xs text-slate-500">
            Each period holds balances up to its number of days past due (at most {MAX_PERIOD_DAYS}). The last also holds every older balance, so its
            bound may be left empty or written as your documents do (30, 60, 90: older than 90 stays in the third).
          </p>
          {err('periods')}
          <table className="mt-3 w-full max-w-2xl text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="w-16 py-1 font-medium">
                  Period
                </th>
                <th scope="col" className="py-1 font-medium">
                  Label
                </th>
                <th scope="col" className="w-40 py-1 font-medium">
                  Up to days past due
                </th>
                <th scope="col" className="w-24 py-1">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {s.periods.map((p, i) => (
                <tr key={i} className="align-top">
                  <td className="py-1 tabular-nums text-slate-600">{i + 1}</td>
                  <td className="py-1 pr-3">
                    <input
                      aria-label={`Period ${i + 1} label`}
                      className={inputClass}
                      value={p.label}
                      onChange={(e) => setPeriod(i, { label: e.target.value })}
                      {...invalid(`periods.${i}.label`)}
                    />
                    {err(`periods.${i}.label`)}
                  </td>
                  <td className="py-1 pr-3">
                    <input
                      aria-label={`Period ${i + 1} days`}
                      type="number"
                      min={1}
                      max={MAX_PERIOD_DAYS}
                      placeholder={i === last ? 'and older' : undefined}
                      className={`${inputClass} text-right tabular-nums`}
                      value={p.maxDays ?? ''}
                      onChange={(e) => setPeriod(i, { maxDays: e.target.value === '' ? null : Number(e.target.value) })}
                      {...invalid(`periods.${i}.maxDays`)}
                    />
                    {err(`periods.${i}.maxDays`)}
                  </td>
                  <td className="py-1">
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      disabled={s.periods.length <= 1}
                      onClick={() => setS({ ...s, periods: s.periods.filter((_, j) => j !== i) })}
                      aria-label={`Remove period ${i + 1}`}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="mt-2"
            disabled={s.periods.length >= MAX_AGING_PERIODS}
            onClick={() => {
              const bound = s.periods[last]?.maxDays ?? s.periods[last - 1]?.maxDays ?? 0;
              const periods = s.periods.map((p, j) => (j === last && p.maxDays === null ? { ...p, maxDays: bound + 30 } : p));
              setS({ ...s, periods: [...periods, { label: `${(periods[last]?.maxDays ?? bound) + 1}+`, maxDays: null }] });
            }}
          >
            Add a period
          </Button>
        </fieldset>

        <section aria-labelledby="scheme-preview">
          <h2 id="scheme-preview" className="text-sm font-medium">
            The aging page&apos;s columns
          </h2>
          {buckets ? (
            <ol className="mt-2 flex flex-wrap gap-2">
              {buckets.map((b) => (
                <li key={b.key} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 text-xs">
                  <span className="font-semibold text-slate-800">{b.label}</span> <span className="text-slate-500">{holds(b)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-xs text-slate-500" role="status">
              {parsed.error?.issues[0]?.message ?? 'Complete the periods'}: the columns show once the periods are valid.
            </p>
          )}
        </section>

        {editable ? (
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Save aging periods'}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
