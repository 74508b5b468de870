import { formatInstantDateTime } from '@/lib/aging/format-instant';
import type { DunningRunRow } from '@/lib/dunning/list-dunning-runs';

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Beside "Run now": when the last run started (company time) and what it did, or that none has run yet. */
export function LastRunSummary({ run, timeZone }: { run: DunningRunRow | undefined; timeZone: string }) {
  if (!run) return <p className="text-sm text-slate-500">No run yet.</p>;
  const counts = [
    n(run.flagged, 'invoice') + ' overdue',
    n(run.emails, 'email'),
    `${run.awaitingApproval.toLocaleString('en-US')} awaiting approval`,
    n(run.tasks, 'task'),
    n(run.skipped, 'customer') + ' skipped',
  ];
  return (
    <div className="text-right text-sm text-slate-600" data-testid="last-run">
      <p>
        Last run:{' '}
        <time dateTime={run.startedAt} className="font-medium text-slate-800">
          {formatInstantDateTime(run.startedAt, timeZone)}
        </time>{' '}
        ({run.trigger}){run.status === 'done' ? null : <span className={run.status === 'failed' ? 'text-red-600' : ''}> · {run.status}</span>}
      </p>
      <p className="text-xs text-slate-500">{counts.join(' · ')}</p>
    </div>
  );
}
