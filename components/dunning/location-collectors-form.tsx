'use client';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { setLocationCollectorAction } from '@/lib/actions/collections/set-location-collector';

const select =
  'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

/** The default collector of each location: who collects from its customers that have none of their own. */
export function LocationCollectorsForm({
  slug,
  locations,
  collectors,
}: {
  slug: string;
  locations: { id: string; name: string; collectorId: string | null }[];
  collectors: { id: string; name: string }[];
}) {
  const [pending, startTransition] = useTransition();
  const change = (locationId: string, collectorId: string) =>
    startTransition(async () => {
      const result = await setLocationCollectorAction(slug, { locationId, collectorId: collectorId || null });
      if (result.ok) toast.success('Collector saved');
      else toast.error(result.message);
    });
  return (
    <table className="mt-4 w-full max-w-2xl text-sm">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="py-2 font-medium">Location</th>
          <th className="py-2 font-medium">Default collector</th>
        </tr>
      </thead>
      <tbody>
        {locations.map((l) => (
          <tr key={l.id} className="border-t border-slate-100">
            <td className="py-2 pr-4">{l.name}</td>
            <td className="py-2">
              <label className="sr-only" htmlFor={`collector-${l.id}`}>
                Default collector of {l.name}
              </label>
              <select
                id={`collector-${l.id}`}
                className={select}
                defaultValue={l.collectorId ?? ''}
                disabled={pending}
                onChange={(e) => change(l.id, e.target.value)}
              >
                <option value="">Nobody</option>
                {collectors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
