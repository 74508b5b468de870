'use client';
import { RadioGroup } from 'radix-ui';
import type { EligibilityMode } from '@/lib/statements/statement-criteria';
import { SKIP_RECENT_OPTIONS, type SkipRecent } from '@/lib/statements/skip-recent';
import { Checkbox } from '@/components/ui/checkbox';
import { LocationChips } from './location-chips';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500';

const MODES: { value: EligibilityMode; label: string; hint: string }[] = [
  { value: 'open', label: 'Open', hint: 'Any open balance' },
  { value: 'past_due', label: 'Past Due', hint: 'Any overdue amount' },
  { value: 'threshold', label: 'Threshold', hint: 'Total above an amount' },
];

export interface StatementFormValues {
  mode: EligibilityMode;
  threshold: string;
  locations: string[];
  skipRecent: SkipRecent;
  email: boolean;
}

/** The Generate Statements criteria: controlled fields with their labels, hints and field errors. */
export function GenerateStatementsFields({
  values,
  onChange,
  locations,
  currency,
  fieldErrors,
  disabled,
}: {
  values: StatementFormValues;
  onChange: (patch: Partial<StatementFormValues>) => void;
  locations: { id: string; name: string }[];
  currency: string;
  fieldErrors: Record<string, string>;
  disabled: boolean;
}) {
  const thresholdError = fieldErrors.threshold;
  return (
    <fieldset disabled={disabled} className="space-y-5">
      <div>
        <p id="gs-mode-label" className="text-sm font-medium text-slate-700">
          Eligibility Mode
        </p>
        <RadioGroup.Root
          aria-labelledby="gs-mode-label"
          value={values.mode}
          onValueChange={(v) => onChange({ mode: v as EligibilityMode })}
          className="mt-2 grid gap-2 sm:grid-cols-3"
        >
          {MODES.map((m) => (
            <label
              key={m.value}
              htmlFor={`gs-mode-${m.value}`}
              className="flex cursor-pointer items-start gap-2 rounded-lg border border-slate-200 p-2.5 hover:bg-slate-50 has-[[data-state=checked]]:border-brand-600 has-[[data-state=checked]]:bg-brand-50"
            >
              <RadioGroup.Item
                id={`gs-mode-${m.value}`}
                value={m.value}
                aria-labelledby={`gs-mode-${m.value}-label`}
                aria-describedby={`gs-mode-${m.value}-hint`}
                {...(values.mode === m.value ? { 'data-autofocus': '' } : {})}
                className="mt-0.5 grid size-4 shrink-0 place-items-center rounded-full border border-slate-400 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 data-[state=checked]:border-brand-600"
              >
                <RadioGroup.Indicator className="size-2 rounded-full bg-brand-600" />
              </RadioGroup.Item>
              <span>
                <span id={`gs-mode-${m.value}-label`} className="block text-sm font-medium text-slate-800">
                  {m.label}
                </span>
                <span id={`gs-mode-${m.value}-hint`} className="block text-xs text-slate-500">
                  {m.hint}
                </span>
              </span>
            </label>
          ))}
        </RadioGroup.Root>
      </div>

      {values.mode === 'threshold' ? (
        <div>
          <label htmlFor="gs-threshold" className="text-sm font-medium text-slate-700">
            Threshold Value ({currency})
          </label>
          <input
            id="gs-threshold"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder="e.g. 500.00"
            value={values.threshold}
            onChange={(e) => onChange({ threshold: e.target.value })}
            aria-invalid={thresholdError ? true : undefined}
            aria-describedby={thresholdError ? 'gs-threshold-hint gs-threshold-error' : 'gs-threshold-hint'}
            className={`${field} tabular max-w-48`}
          />
          <p id="gs-threshold-hint" className="mt-1 text-xs text-slate-500">
            Customers whose total open balance is above this amount.
          </p>
          {thresholdError ? (
            <p id="gs-threshold-error" className="mt-1 text-sm text-red-600">
              {thresholdError}
            </p>
          ) : null}
        </div>
      ) : null}

      <LocationChips
        id="gs-locations"
        legend="Locations"
        locations={locations}
        value={values.locations}
        onChange={(next) => onChange({ locations: next })}
        error={fieldErrors.locations}
      />

      <div>
        <label htmlFor="gs-skip" className="text-sm font-medium text-slate-700">
          Skip Recent
        </label>
        <select
          id="gs-skip"
          className={`${field} max-w-48`}
          value={values.skipRecent}
          aria-describedby="gs-skip-hint"
          onChange={(e) => onChange({ skipRecent: e.target.value as SkipRecent })}
        >
          {SKIP_RECENT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <p id="gs-skip-hint" className="mt-1 text-xs text-slate-500">
          Skips customers who already got a statement in this window.
        </p>
        {fieldErrors.skipRecent ? <p className="mt-1 text-sm text-red-600">{fieldErrors.skipRecent}</p> : null}
      </div>

      <div className="flex items-center gap-2">
        <Checkbox id="gs-email" checked={values.email} onCheckedChange={(v) => onChange({ email: v === true })} />
        <label htmlFor="gs-email" className="cursor-pointer text-sm text-slate-700">
          Email each statement to the customer
        </label>
      </div>
    </fieldset>
  );
}
