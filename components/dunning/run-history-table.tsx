import type { DunningRunRow } from '@/lib/dunning/list-dunning-runs';

/** Past runs, latest first. */
export function RunHistoryTable({ runs }: { runs: DunningRunRow[] }) {
  if (runs.length === 0) return <p className="mt-4 text-sm text-slate-600">No runs yet.</p>;
  const num = 'px-4 py-2 text-right tabular-nums';
  return (
    <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Collections run history</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Date
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Trigger
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Flagged
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Emails
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Awaiting approval
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Tasks
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Skipped
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="px-4 py-2">{r.runOn}</td>
              <td className="px-4 py-2 capitalize">{r.trigger}</td>
              <td className={num}>{r.flagged}</td>
              <td className={num}>{r.emails}</td>
              <td className={num}>{r.awaitingApproval}</td>
              <td className={num}>{r.tasks}</td>
              <td className={num}>{r.skipped}</td>
              <td className="px-4 py-2">
                {r.status}
                {r.lastError ? <span className="block text-xs text-red-600">{r.lastError}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
