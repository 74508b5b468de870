import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { getInvoiceDetail } from '@/lib/ledger/get-invoice-detail';
import { formatMoney } from '@/lib/money/currency';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { cn } from '@/components/ui/cn';
import { InvoiceStatusBadge } from '@/components/ledger/invoice-status-badge';
import { InvoiceLinesTable } from '@/components/ledger/invoice-lines-table';
import { PaymentHistoryTable } from '@/components/ledger/payment-history-table';
import { RecordPaymentDialog } from '@/components/ledger/record-payment-dialog';
import { WriteOffDialog } from '@/components/ledger/write-off-dialog';
import { InvoiceStateButton } from '@/components/ledger/invoice-state-button';
import { customerAccountingHref } from '@/components/ledger/ledger-hrefs';
import { getCollectionsPanel } from '@/lib/collections/get-collections-panel';
import { ActiveHolds } from '@/components/collections/active-holds';
import { HoldDialog } from '@/components/collections/hold-dialog';
import { InvoiceCollections } from '@/components/collections/invoice-collections';
import { LogContactDialog } from '@/components/collections/log-contact-dialog';

export const metadata: Metadata = { title: 'Invoice' };

const OWING = ['open', 'partially_paid'];
const SETTLED = ['paid', 'written_off', 'void'];

export default async function InvoicePage({ params }: { params: Promise<{ company: string; id: string }> }) {
  const { company: slug, id } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/invoices/${id}`);
  if (access.viewLocations.length === 0) {
    return (
      <PageShell user={user} slug={slug} active="invoices">
        <NoAccess companyName={access.company.name} />
      </PageShell>
    );
  }
  const invoice = await getInvoiceDetail(access, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const today = todayInTimeZone(access.company.timeZone);
  const collections = await getCollectionsPanel(access, { customerId: invoice.customer.id, invoiceId: invoice.id });
  const { canModify, status, currency } = invoice;
  const owing = OWING.includes(status) && invoice.balanceMinor > 0;
  const pastDue = owing && invoice.dueDate < today;
  const ref = { slug, invoiceId: invoice.id, invoiceNumber: invoice.number };

  return (
    <PageShell user={user} slug={slug} active="invoices">
      <Link
        href={customerAccountingHref(slug, invoice.customer.id)}
        className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden /> {invoice.customer.name}
      </Link>
      <div className="mb-5 mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">
            Invoice {invoice.number} <InvoiceStatusBadge status={status} className="text-sm" />
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            <Link href={customerAccountingHref(slug, invoice.customer.id)} className="font-medium text-brand-700 hover:underline">
              {invoice.customer.name}
            </Link>
            {' · '}
            {invoice.locationName}
            {invoice.billSourceName ? ` · ${invoice.billSourceName}` : null}
          </p>
        </div>
        {canModify ? (
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Invoice actions">
            {owing ? (
              <>
                <RecordPaymentDialog
                  slug={slug}
                  today={today}
                  target={{ kind: 'invoice', invoiceId: invoice.id, invoiceNumber: invoice.number, balanceMinor: invoice.balanceMinor, currency }}
                />
                <WriteOffDialog {...ref} balanceMinor={invoice.balanceMinor} currency={currency} />
              </>
            ) : null}
            <LogContactDialog
              slug={slug}
              customerId={invoice.customer.id}
              customerName={invoice.customer.name}
              invoices={[{ id: invoice.id, number: invoice.number, currency, balanceMinor: invoice.balanceMinor }]}
              preselected={[invoice.id]}
              currencies={[currency]}
              today={today}
              nowLocal={collections.nowLocal}
            />
            <HoldDialog
              slug={slug}
              customerId={invoice.customer.id}
              customerName={invoice.customer.name}
              invoices={[{ id: invoice.id, number: invoice.number }]}
              invoiceId={invoice.id}
              today={today}
            />
            {status === 'draft' ? <InvoiceStateButton {...ref} transition="post" /> : null}
            {SETTLED.includes(status) && status !== 'archived' ? <InvoiceStateButton {...ref} transition="archive" /> : null}
            {invoice.history.length === 0 && !['void', 'archived'].includes(status) ? <InvoiceStateButton {...ref} transition="void" /> : null}
          </div>
        ) : null}
      </div>

      <div className="space-y-4">
        <ActiveHolds slug={slug} holds={collections.activeHolds} mayModify={canModify} />
        <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-slate-200 bg-slate-200 shadow-sm sm:grid-cols-4">
          {[
            { label: 'Invoice date', value: formatCalendarDate(invoice.invoiceDate) },
            { label: 'Due date', value: formatCalendarDate(invoice.dueDate), note: pastDue ? 'Past due' : undefined },
            { label: 'Amount', value: formatMoney(invoice.amountMinor, currency), money: true },
            { label: 'Balance due', value: formatMoney(invoice.balanceMinor, currency), money: true, strong: true },
          ].map((item) => (
            <div key={item.label} className="bg-white px-4 py-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.label}</dt>
              <dd className={cn('mt-1 text-base font-semibold text-slate-800', item.money && 'tabular', item.strong && 'text-lg font-bold')}>
                {item.value}
                {item.note ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{item.note}</span> : null}
              </dd>
            </div>
          ))}
        </dl>

        <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="invoice-lines">
          <h2 id="invoice-lines" className="border-b border-slate-200 px-4 py-3 font-semibold">
            Line items
          </h2>
          <InvoiceLinesTable lines={invoice.lines} currency={currency} amountMinor={invoice.amountMinor} />
        </section>

        <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="payment-history">
          <h2 id="payment-history" className="border-b border-slate-200 px-4 py-3 font-semibold">
            Payment history
          </h2>
          <PaymentHistoryTable entries={invoice.history} currency={currency} invoiceNumber={invoice.number} />
        </section>

        <InvoiceCollections slug={slug} timeZone={access.company.timeZone} data={collections} />
      </div>
    </PageShell>
  );
}
