'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { fieldErrors, inputClass } from '@/components/ui/field-errors';
import { updateAgingSchemeAction } from '@/lib/actions/settings/update-aging-scheme';
import {
  agingSchemeSchema,
  bucketsOf,
  describeBucket,
  fullScheme,
  MAX_AGING_PERIODS,
  MAX_PERIOD_DAYS,
  type AgingBasis,
  type AgingPeriod,
  type AgingScheme,
  type FullAgingScheme,
} from '@/lib/aging/scheme';
import { describeFrequency, type BillingFrequency } from '@/lib/aging/billing-frequency';
import { FinanceChargeFields } from './finance-charge-fields';

type Scheme = FullAgingScheme;
interface Preset {
  key: string;
  name: string;
  scheme: AgingScheme;
}

const BASIS_LABELS: Record<AgingBasis, string> = {
  days: 'Days past due',
  billing_periods: 'Billing periods of the bill source',
  calendar_months: 'Calendar months',
};

/**
 * The aging periods of the company, or of one bill source (admins): presets, the Pending and Current buckets,
 * the basis, and up to 13 overdue periods.
 */
export function AgingSchemeForm({
  slug,
  scheme,
  presets,
  editable,
  billSource,
  customized,
  currency,
}: {
  slug: string;
  scheme: Scheme;
  presets: Preset[];
  editable: boolean;
  billSource: { id: string; name: string; frequency: BillingFrequency } | null;
  customized: boolean;
  /** The company's base currency: finance charge amounts are in it. */
  currency: string;
}) {
  const [s, setS] = useState<Scheme>(scheme);
  const [preset, setPreset] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const setPeriod = (i: number, patch: Partial<AgingPeriod>) => setS({ ...s, periods: s.periods.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  // The preview follows the form as typed.
  const parsed = agingSchemeSchema.safeParse(s);
  const previewed = parsed.success ? { ...parsed.data, billingFrequency: billSource?.frequency } : null;
  const buckets = previewed ? bucketsOf(previewed) : null;
  const byDays = s.basis === 'days';

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
      const result = await updateAgingSchemeAction(slug, s, billSource?.id ?? null);
      if (result.ok) {
        setErrors({});
        toast.success(billSource ? `Aging periods of ${billSource.name} saved` : 'Aging periods saved: every page and report uses them now');
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  function useCompanyScheme() {
    startTransition(async () => {
      const result = await updateAgingSchemeAction(slug, null, billSource?.id ?? null);
      if (result.ok) {
        setS(result.data.scheme);
        toast.success(`${billSource?.name} now ages by the company's periods`);
      } else toast.error(result.message);
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

        <div className="max-w-md">
          <label htmlFor="basis" className="text-sm font-medium">
            Age by
          </label>
          <select
            id="basis"
            className={inputClass}
            value={s.basis}
            onChange={(e) => setS({ ...s, basis: e.target.value as AgingBasis })}
            {...invalid('basis')}
          >
            {(Object.keys(BASIS_LABELS) as AgingBasis[])
              .filter((b) => b !== 'billing_periods' || billSource)
              .map((b) => (
                <option key={b} value={b}>
                  {b === 'billing_periods' && billSource
                    ? `Billing periods (${describeFrequency(billSource.frequency).toLowerCase()})`
                    : BASIS_LABELS[b]}
                </option>
              ))}
          </select>
          {err('basis')}
          <p className="mt-1 text-xs text-slate-500">
            {s.basis === 'days'
              ? 'Each period holds balances up to its number of days past due.'
              : s.basis === 'billing_periods'
                ? 'Period 1 holds balances up to one billing period past due, period 2 up to two, and so on.'
                : 'Period 1 holds what fell due in the as-of month, period 2 what fell due the month before, and so on.'}
          </p>
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
            {byDays
              ? `Each period holds balances up to its number of days past due (at most ${MAX_PERIOD_DAYS}). The last also holds every older balance, so its bound may be left empty or written as your documents do (30, 60, 90: older than 90 stays in the third).`
              : 'The last period also holds every older balance.'}
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
                {byDays ? (
                  <th scope="col" className="w-40 py-1 font-medium">
                    Up to days past due
                  </th>
                ) : null}
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
                  {byDays ? (
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
                  ) : null}
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
              const label = byDays ? `${(periods[last]?.maxDays ?? bound) + 1}+` : `Period ${s.periods.length + 1}`;
              setS({ ...s, periods: [...periods, { label, maxDays: null }] });
            }}
          >
            Add a period
          </Button>
        </fieldset>

        <FinanceChargeFields
          value={s.financeCharge}
          onChange={(financeCharge) => setS({ ...s, financeCharge })}
          periods={s.periods.map((p) => p.label)}
          currency={currency}
          err={err}
          invalid={invalid}
        />

        <section aria-labelledby="scheme-preview">
          <h2 id="scheme-preview" className="text-sm font-medium">
            The aging page&apos;s columns
          </h2>
          {buckets ? (
            <ol className="mt-2 flex flex-wrap gap-2">
              {buckets.map((b) => (
                <li key={b.key} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 text-xs">
                  <span className="font-semibold text-slate-800">{b.label}</span>{' '}
                  <span className="text-slate-500">{describeBucket(b, previewed!)}</span>
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
          <div className="flex justify-end gap-3">
            {billSource && customized ? (
              <Button type="button" variant="secondary" disabled={pending} onClick={useCompanyScheme}>
                Use the company&apos;s periods
              </Button>
            ) : null}
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Save aging periods'}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
