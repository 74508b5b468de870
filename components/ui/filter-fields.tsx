import { X } from 'lucide-react';

/** The list filters' inputs and selects. */
export const filterFieldClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';

/** The customer a list was opened for (from a link), with its × to show every customer again. */
export function CustomerFilterChip({ name, onClear }: { name: string | null; onClear: () => void }) {
  return (
    <span className="mb-1 inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-sm font-medium text-brand-700">
      {name ?? 'One customer'}
      <button type="button" onClick={onClear} className="rounded-full p-0.5 hover:bg-brand-100" aria-label="Show every customer">
        <X className="size-3.5" />
      </button>
    </span>
  );
}
