import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ArrowLeft } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { listStatements } from '@/lib/statements/list-statements';
import { formatMoney } from '@/lib/money/currency';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { AgingSummary } from '@/components/aging/aging-summary';
import { agingDetailHref } from '@/components/aging/aging-detail-href';
import { cn } from '@/components/ui/cn';
import { StatementsTable } from '@/components/statements/statements-table';
import { statementsHref } from '@/components/statements/statements-href';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { RecordPaymentDialog } from '@/components/ledger/record-payment-dialog';
import { CreditNoteDialog } from '@/components/ledger/credit-note-dialog';
import { invoiceHref } from '@/components/ledger/ledger-hrefs';
import { CustomerTransactionsSection } from '@/components/customers/customer-transactions';
import { listDraftInvoices } from '@/lib/invoices/list-draft-invoices';
import { getCustomerTransactions, type CustomerTransactions } from '@/lib/receivables/get-customer-transactions';
import { can, permittedLocations } from '@/lib/auth/can';
import { getCollectionsPanel } from '@/lib/collections/get-collections-panel';
import { CollectionsPanel } from '@/components/collections/collections-panel';
import { GenerateStatementsDialog } from '@/components/statements/generate-statements-dialog';
import { PaymentTermsForm } from '@/components/customers/payment-terms-form';

export const metadata: Metadata = { title: 'Customer accounting' };

export default async function CustomerAccountingPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { company: slug, id } = await params;
  const sp = await searchParams;
  const first = (k: string) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const { user, access } = await requirePageAccess(slug, `/${slug}/customers/${id}/accounting`);
  if (access.viewLocations.length === 0) {
    return (
      <PageShell user={user} slug={slug} active="aging">
        <NoAccess companyName={access.company.name} />
      </PageShell>
    );
  }
  if (!z.guid().safeParse(id).success) notFound();
  const [data, statements, collections] = await Promise.all([
    getCustomerAging(access, id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
      throw e;
    }),
    listStatements(access, { customerId: id, perPage: 10 }),
    getCollectionsPanel(access, { customerId: id }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
      throw e;
    }),
  ]);
  const drafts = await listDraftInvoices(access, id);
  let transactions: CustomerTransactions | null = null;
  let transactionsError: string | null = null;
  try {
    transactions = await getCustomerTransactions(access, id, { from: first('from'), to: first('to'), currency: first('currency') });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'BAD_REQUEST') throw e;
    transactionsError = e.message;
  }
  const oldest = data.buckets[data.buckets.length - 1]?.key;
  // Money is recorded in the currencies the customer owes in (the company's base currency when none).
  const currencies = [...new Set([...data.summaries.map((s) => s.currency), access.company.baseCurrency])];
  const today = todayInTimeZone(access.company.timeZone);
  // A customer without a default location: money on account is recorded in a location the user picks.
  const modify = new Set(permittedLocations(access, 'invoices.modify'));
  const moneyLocations = data.customer.defaultLocationId ? undefined : access.viewLocations.filter((l) => modify.has(l.id));

  return (
    <PageShell user={user} slug={slug} active="aging">
      <Link href={`/${slug}/accounting/aging-invoices`} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> Aging invoices
      </Link>
      <div className="mb-5 mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{data.customer.name}</h1>
          <p className="mt-1 text-sm text-slate-500">Accounting · as of {data.asOf}</p>
          {data.summaries.map((s) => (
            <p key={s.currency} className="mt-1 text-sm text-slate-700" data-balance={s.currency}>
              Balance <span className="tabular font-semibold">{formatMoney(s.total, s.currency)}</span>
              {s.unapplied > 0 ? (
                <>
                  {' · '}on account <span className="tabular font-semibold text-emerald-700">{formatMoney(s.unapplied, s.currency)}</span>
                  {' · '}net <span className="tabular font-semibold">{formatMoney(s.net, s.currency)}</span>
                </>
              ) : null}
            </p>
          ))}
          <div className="mt-2">
            <PaymentTermsForm
              slug={slug}
              customerId={data.customer.id}
              terms={data.customer.paymentTerms}
              editable={can(access, 'invoices.modify')}
            />
          </div>
          {can(access, 'invoices.modify') ? (
            <div className="mt-3 flex flex-wrap gap-2">
              <RecordPaymentDialog
                slug={slug}
                today={today}
                size="md"
                target={{ kind: 'customer', customerId: data.customer.id, customerName: data.customer.name, currencies, locations: moneyLocations }}
              />
              <CreditNoteDialog
                slug={slug}
                customerId={data.customer.id}
                customerName={data.customer.name}
                currencies={currencies}
                today={today}
                locations={moneyLocations}
              />
              {data.summaries.length > 0 ? (
                <GenerateStatementsDialog
                  slug={slug}
                  label="Generate statement"
                  customerIds={[data.customer.id]}
                  locations={access.viewLocations.filter((l) => modify.has(l.id))}
                  defaultLocations={[]}
                  currency={data.summaries[0]!.currency}
                  asOf={data.asOf}
                />
              ) : null}
            </div>
          ) : null}
        </div>
        <address className="text-right text-sm not-italic text-slate-600">
          {data.customer.address.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {data.customer.email ? (
            <a href={`mailto:${data.customer.email}`} className="text-brand-700 hover:underline">
              {data.customer.email}
            </a>
          ) : null}
        </address>
      </div>

      <div className="space-y-4">
        {data.summaries.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-600">
            This customer owes nothing in the locations you can see.
          </p>
        ) : (
          data.summaries.map((s) => (
            <div key={s.currency}>
              {data.summaries.length > 1 ? <h2 className="mb-1 text-sm font-semibold text-slate-600">{s.currency}</h2> : null}
              <AgingSummary
                buckets={data.buckets}
                summary={{ amounts: s.amounts, unapplied: s.unapplied, total: s.net }}
                currency={s.currency}
                bucketHref={(bucket) => agingDetailHref(slug, { asOf: data.asOf, currency: s.currency, customer: data.customer.id, bucket })}
              />
            </div>
          ))
        )}

        {data.invoices.length > 0 ? (
          <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="open-invoices">
            <h2 id="open-invoices" className="border-b border-slate-200 px-4 py-3 font-semibold">
              Open invoices ({data.invoices.length}
              {data.invoicesTruncated ? '+' : ''})
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 text-left font-medium">
                      Invoice
                    </th>
                    <th scope="col" className="px-4 py-2 text-left font-medium">
                      Location
                    </th>
                    <th scope="col" className="px-4 py-2 text-left font-medium">
                      Invoice date
                    </th>
                    <th scope="col" className="px-4 py-2 text-left font-medium">
                      Due date
                    </th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">
                      Days past due
                    </th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">
                      Amount
                    </th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">
                      Balance
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.invoices.map((inv) => (
                    <tr key={inv.id}>
                      <td className="px-4 py-2 font-medium">
                        <Link href={invoiceHref(slug, inv.id)} className="text-brand-700 hover:underline">
                          {inv.number}
                        </Link>
                      </td>
                      <td className="px-4 py-2">{inv.location}</td>
                      <td className="tabular px-4 py-2">{inv.invoiceDate}</td>
                      <td className="tabular px-4 py-2">{inv.dueDate}</td>
                      <td className={cn('tabular px-4 py-2 text-right', inv.bucket === oldest && 'font-semibold text-red-600')}>
                        {inv.bucket === 'pending' ? 'Not yet invoiced' : inv.daysPastDue > 0 ? inv.daysPastDue : 'Not due'}
                      </td>
                      <td className="tabular px-4 py-2 text-right">{formatMoney(inv.amount, inv.currency)}</td>
                      <td className="tabular px-4 py-2 text-right font-semibold">{formatMoney(inv.balance, inv.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}

        {drafts.length > 0 ? (
          <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="draft-invoices">
            <h2 id="draft-invoices" className="border-b border-slate-200 px-4 py-3 font-semibold">
              Drafts ({drafts.length}): post them to open and age them
            </h2>
            <ul className="divide-y divide-slate-100 text-sm">
              {drafts.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-4 px-4 py-2">
                  <Link href={invoiceHref(slug, d.id)} className="font-medium text-brand-700 hover:underline">
                    {d.number}
                  </Link>
                  <span className="text-slate-600">{d.location}</span>
                  <span className="tabular text-slate-600">
                    {d.invoiceDate} → due {d.dueDate}
                  </span>
                  <span className="tabular ml-auto font-semibold">{formatMoney(d.amountMinor, d.currency)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <CollectionsPanel
          slug={slug}
          timeZone={access.company.timeZone}
          customer={data.customer}
          invoices={data.invoices.map((i) => ({ id: i.id, number: i.number, currency: i.currency, balanceMinor: i.balance }))}
          currencies={currencies}
          data={collections}
        />

        <CustomerTransactionsSection slug={slug} data={transactions} error={transactionsError} />

        <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="customer-statements">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
            <h2 id="customer-statements" className="font-semibold">
              Statements ({statements.totalRows.toLocaleString('en-US')})
            </h2>
            {statements.totalRows > 0 ? (
              <Link href={statementsHref(slug, { customerId: id })} className="text-sm font-medium text-brand-700 hover:underline">
                View all statements for {data.customer.name}
              </Link>
            ) : null}
          </div>
          {statements.rows.length > 0 ? (
            <StatementsTable
              slug={slug}
              rows={statements.rows}
              timeZone={access.company.timeZone}
              showCustomer={false}
              canEmail={can(access, 'invoices.modify')}
              caption={`Statements for ${data.customer.name}, newest first`}
            />
          ) : (
            <p className="px-4 py-8 text-center text-sm text-slate-500">
              No statements yet. Generate them from the{' '}
              <Link href={`/${slug}/accounting/aging-invoices`} className="text-brand-700 hover:underline">
                Aging page
              </Link>
              .
            </p>
          )}
          {statements.totalRows > statements.rows.length ? (
            <p className="border-t border-slate-100 px-4 py-2 text-sm text-slate-500">
              Showing the latest {statements.rows.length} of {statements.totalRows.toLocaleString('en-US')}.{' '}
              <Link href={statementsHref(slug, { customerId: id })} className="font-medium text-brand-700 hover:underline">
                See all
              </Link>
            </p>
          ) : null}
        </section>
      </div>
    </PageShell>
  );
}
