import type { OutboxEmail } from '@/lib/email/list-outbox';
import { FileText } from 'lucide-react';
import { EmailStatusBadge } from './email-status-badge';

const th = 'whitespace-nowrap px-4 py-2.5 font-medium';

/** The outbox, newest first (server-rendered; times in the company's time zone). */
export function OutboxTable({ slug, rows, timeZone }: { slug: string; rows: OutboxEmail[]; timeZone: string }) {
  const fmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const at = (d: Date) => <time dateTime={d.toISOString()}>{fmt.format(d)}</time>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Emails in the outbox, newest first</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              Status
            </th>
            <th scope="col" className={`${th} text-left`}>
              To
            </th>
            <th scope="col" className={`${th} text-left`}>
              Subject
            </th>
            <th scope="col" className={`${th} text-left`}>
              Customer
            </th>
            <th scope="col" className={`${th} text-left`}>
              Created
            </th>
            <th scope="col" className={`${th} text-right`}>
              Attempts
            </th>
            <th scope="col" className={`${th} text-left`}>
              Last error
            </th>
            <th scope="col" className={`${th} text-left`}>
              Attachment
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((e) => (
            <tr key={e.id} className="align-top hover:bg-slate-50">
              <td className="px-4 py-2.5">
                <EmailStatusBadge status={e.status} />
                {e.status === 'sent' && e.sentAt ? <div className="mt-1 whitespace-nowrap text-xs text-slate-500">{at(e.sentAt)}</div> : null}
                {e.status === 'queued' && e.attempts > 0 ? (
                  <div className="mt-1 whitespace-nowrap text-xs text-slate-500">Retry {at(e.nextAttemptAt)}</div>
                ) : null}
              </td>
              <td className="max-w-44 break-words px-4 py-2.5">{e.to}</td>
              <td className="min-w-72 max-w-md px-4 py-2.5">
                <div className="font-medium text-slate-800">{e.subject}</div>
                <details className="group mt-1">
                  <summary className="cursor-pointer select-none rounded text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
                    View message
                  </summary>
                  <pre
                    tabIndex={0}
                    aria-label={`Message to ${e.to}`}
                    className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-3 font-sans text-xs text-slate-700"
                  >
                    {e.bodyText}
                  </pre>
                </details>
              </td>
              <td className="px-4 py-2.5">{e.customerName ?? <span className="text-slate-400">—</span>}</td>
              <td className="tabular whitespace-nowrap px-4 py-2.5 text-slate-700">{at(e.createdAt)}</td>
              <td className="tabular px-4 py-2.5 text-right">{e.attempts}</td>
              <td className="px-4 py-2.5">
                {e.lastError ? (
                  <p className="max-w-56 truncate text-red-700" title={e.lastError}>
                    {e.lastError}
                  </p>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="px-4 py-2.5">
                {e.statementId ? (
                  <a
                    href={`/api/v1/companies/${slug}/statements/${e.statementId}/pdf`}
                    download
                    aria-label={`Statement PDF${e.customerName ? ` for ${e.customerName}` : ''}`}
                    className="inline-flex items-center gap-1 whitespace-nowrap font-medium text-brand-700 hover:underline"
                  >
                    <FileText className="size-4" aria-hidden /> PDF
                  </a>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
