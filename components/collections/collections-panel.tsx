import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import type { CollectionsPanelData } from '@/lib/collections/get-collections-panel';
import { NEXT_ACTION_LABELS } from '@/lib/collections/worklist-params';
import { ActiveHolds } from './active-holds';
import { CollectionLogList } from './collection-log-list';
import { CustomerCollectionForm } from './customer-collection-form';
import { HoldDialog } from './hold-dialog';
import { LogContactDialog, type NameableInvoice } from './log-contact-dialog';
import { PromisesTable } from './promises-table';

interface Props {
  slug: string;
  timeZone: string;
  customer: { id: string; name: string };
  /** The customer's open invoices the caller sees, to name in an entry or put on hold. */
  invoices: NameableInvoice[];
  currencies: string[];
  data: CollectionsPanelData;
}

/** The customer page's Collections panel: collector and next action, active holds, promises and the log. */
export function CollectionsPanel({ slug, timeZone, customer, invoices, currencies, data }: Props) {
  const s = data.settings;
  return (
    <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="collections">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id="collections" className="font-semibold">
          Collections
        </h2>
        {data.mayModify ? (
          <div className="flex flex-wrap gap-2">
            <LogContactDialog
              slug={slug}
              customerId={customer.id}
              customerName={customer.name}
              invoices={invoices}
              currencies={currencies}
              today={data.today}
              nowLocal={data.nowLocal}
            />
            <HoldDialog slug={slug} customerId={customer.id} customerName={customer.name} invoices={invoices} today={data.today} />
          </div>
        ) : null}
      </div>
      <div className="space-y-4 px-4 py-4">
        <ActiveHolds slug={slug} holds={data.activeHolds} mayModify={data.mayModify} />
        {s && data.mayModify ? (
          <CustomerCollectionForm
            slug={slug}
            customerId={customer.id}
            collectorId={s.collectorId}
            locationCollector={s.locationCollector?.name ?? null}
            nextAction={s.nextAction}
            nextActionOn={s.nextActionOn}
            remindersOptOut={s.remindersOptOut}
            members={s.members}
            today={data.today}
          />
        ) : s ? (
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Collector</dt>
              <dd className="mt-1">{s.collector?.name ?? 'Nobody'}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Next action</dt>
              <dd className="mt-1">
                {s.nextAction && s.nextActionOn
                  ? `${NEXT_ACTION_LABELS[s.nextAction as keyof typeof NEXT_ACTION_LABELS] ?? s.nextAction}, ${formatCalendarDate(s.nextActionOn, 'short')}`
                  : 'None'}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Reminders</dt>
              <dd className="mt-1">{s.remindersOptOut ? 'Opted out' : 'Sent'}</dd>
            </div>
          </dl>
        ) : null}
        {s?.lastContactAt ? (
          <p className="text-sm text-slate-500">
            Last contact: {new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.lastContactAt))}
            {s.lastContactKind ? ` (${s.lastContactKind})` : ''}
          </p>
        ) : null}
      </div>
      <h3 className="border-y border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold">Promises to pay</h3>
      <PromisesTable rows={data.promises} caption={`Promises to pay of ${customer.name}`} />
      <h3 className="border-y border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold">
        Collection log ({data.entries.totalRows.toLocaleString('en-US')})
      </h3>
      <CollectionLogList slug={slug} rows={data.entries.rows} timeZone={timeZone} empty="Nothing logged yet." />
      {data.entries.totalRows > data.entries.rows.length ? (
        <p className="border-t border-slate-100 px-4 py-2 text-sm text-slate-500">
          Showing the latest {data.entries.rows.length} of {data.entries.totalRows.toLocaleString('en-US')}.
        </p>
      ) : null}
    </section>
  );
}
