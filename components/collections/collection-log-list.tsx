import { Bot } from 'lucide-react';
import Link from 'next/link';
import { ENTRY_KIND_LABELS, type EntryKind } from '@/lib/collections/collection-input';
import type { CollectionEntryRow } from '@/lib/collections/list-collection-entries';
import { invoiceHref } from '@/components/ledger/ledger-hrefs';

const when = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The collection log, newest first: kind, when, who (or "Automatic reminder"), contact, outcome, note, invoices. */
export function CollectionLogList({ slug, rows, timeZone, empty }: { slug: string; rows: CollectionEntryRow[]; timeZone: string; empty: string }) {
  if (rows.length === 0) return <p className="px-4 py-6 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" aria-label="Collection log, newest first">
      {rows.map((r) => (
        <li key={r.id} className="px-4 py-3" data-source={r.source}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-semibold">{ENTRY_KIND_LABELS[r.kind as EntryKind] ?? r.kind}</span>
            <time dateTime={r.occurredAt} className="tabular text-slate-500">
              {when(r.occurredAt, timeZone)}
            </time>
            {r.automatic ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-inset ring-sky-200">
                <Bot className="size-3" aria-hidden /> Automatic reminder
              </span>
            ) : (
              <span className="text-slate-600">
                by {r.user?.name ?? 'a former member'}
                {r.source === 'worklist' ? ' · from the worklist' : ''}
              </span>
            )}
            {r.contactPerson ? <span className="text-slate-600">with {r.contactPerson}</span> : null}
            {r.invoices.length > 0 ? (
              <span className="text-slate-600">
                on{' '}
                {r.invoices.map((i, n) => (
                  <span key={i.id}>
                    {n > 0 ? ', ' : ''}
                    <Link href={invoiceHref(slug, i.id)} className="text-brand-700 hover:underline">
                      {i.number}
                    </Link>
                  </span>
                ))}
              </span>
            ) : null}
          </div>
          {r.outcome ? <p className="mt-1 font-medium text-slate-800">{r.outcome}</p> : null}
          {r.note ? <p className="mt-1 whitespace-pre-line text-slate-600">{r.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
