'use client';
import { useRouter } from 'next/navigation';
import { inputClass } from '@/components/ui/field-errors';

/** Chooses whose aging periods the page edits: the company's or a bill source's. */
export function SchemeScopePicker({ slug, sources, selected }: { slug: string; sources: { id: string; name: string }[]; selected: string }) {
  const router = useRouter();
  return (
    <div className="mt-4 max-w-md">
      <label htmlFor="scheme-scope" className="text-sm font-medium">
        Periods of
      </label>
      <select
        id="scheme-scope"
        className={inputClass}
        value={selected}
        onChange={(e) => router.push(e.target.value ? `/${slug}/settings/aging?source=${e.target.value}` : `/${slug}/settings/aging`)}
      >
        <option value="">The company (every invoice without a bill source of its own periods)</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            Bill source: {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
