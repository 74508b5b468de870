'use client';
import { Check } from 'lucide-react';
import { cn } from '@/components/ui/cn';

/**
 * A multi-select of locations as toggle chips: each chip is a real checkbox (Space toggles it, screen readers
 * hear "checkbox, checked"), inside a labelled group. None chosen means every location offered.
 */
export function LocationChips({
  id,
  legend,
  locations,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  locations: { id: string; name: string }[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const toggle = (locationId: string) => onChange(value.includes(locationId) ? value.filter((x) => x !== locationId) : [...value, locationId]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    // The legend shares a row with Clear, so it is not the fieldset's first child: name the group explicitly.
    <fieldset aria-labelledby={`${id}-legend`} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <div className="flex items-baseline justify-between gap-2">
        <legend id={`${id}-legend`} className="text-sm font-medium text-slate-700">
          {legend}
        </legend>
        {value.length > 0 ? (
          <button
            type="button"
            onClick={() => onChange([])}
            className="rounded text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            Clear
          </button>
        ) : null}
      </div>
      <p id={hintId} className="text-xs text-slate-500">
        {value.length === 0 ? (
          <>
            <span>All your locations ({locations.length})</span>
            <span className="text-slate-400"> · pick some to narrow</span>
          </>
        ) : (
          <>
            {value.length} of {locations.length} locations
          </>
        )}
      </p>
      <div className="mt-2 flex max-h-36 flex-wrap gap-1.5 overflow-y-auto p-0.5">
        {locations.map((l) => {
          const on = value.includes(l.id);
          return (
            <label
              key={l.id}
              className={cn(
                'inline-flex cursor-pointer select-none items-center gap-1 rounded-full border px-2.5 py-1 text-xs font-medium transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-brand-600',
                on ? 'border-brand-600 bg-brand-50 text-brand-700' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
              )}
            >
              <input type="checkbox" className="sr-only" checked={on} onChange={() => toggle(l.id)} />
              {on ? <Check className="size-3" aria-hidden /> : null}
              {l.name}
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
