import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, CheckCircle2 } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { getApplicationForm } from '@/lib/ledger/get-application-form';
import { formatMoney } from '@/lib/money/currency';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ApplyForm } from '@/components/ledger/apply-form';
import { customerAccountingHref, unappliedListHref, type CreditKind } from '@/components/ledger/ledger-hrefs';

export const metadata: Metadata = { title: 'Apply' };

export default async function ApplyPage({ params }: { params: Promise<{ company: string; kind: string; id: string }> }) {
  const { company: slug, kind: kindParam, id } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/payments/${kindParam}/${id}/apply`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="payments">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);
  if (kindParam !== 'payment' && kindParam !== 'credit_note') notFound();
  const kind: CreditKind = kindParam;

  const form = await getApplicationForm(access, kind, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const today = todayInTimeZone(access.company.timeZone);
  const backHref = unappliedListHref(slug, kind);
  const payment = kind === 'payment';
  const fmt = (minor: number) => formatMoney(minor, form.currency);

  return shell(
    <>
      <Link href={backHref} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> {payment ? 'Unapplied payments' : 'Customer credits'}
      </Link>
      <div className="mb-5 mt-2">
        <h1 className="text-2xl font-bold tracking-tight">{payment ? `Apply payment ${form.detail}` : 'Apply credit note'}</h1>
        <p className="mt-1 text-sm text-slate-500">
          From{' '}
          <Link href={customerAccountingHref(slug, form.customer.id)} className="font-medium text-brand-700 hover:underline">
            {form.customer.name}
          </Link>
          . Amounts start oldest due first; change any of them before applying.
        </p>
      </div>

      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-slate-200 bg-slate-200 shadow-sm sm:grid-cols-4">
          {[
            { label: payment ? 'Received' : 'Issued', value: formatCalendarDate(form.date) },
            { label: payment ? 'Reference' : 'Reason', value: form.detail },
            { label: 'Amount', value: fmt(form.amountMinor), money: true },
            { label: 'Left to apply', value: fmt(form.unappliedMinor), money: true, strong: true },
          ].map((item) => (
            <div key={item.label} className="bg-white px-4 py-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.label}</dt>
              <dd
                className={`mt-1 break-words font-semibold text-slate-800 ${item.money ? 'tabular' : ''} ${item.strong ? 'text-lg font-bold' : 'text-base'}`}
              >
                {item.value}
              </dd>
            </div>
          ))}
        </dl>

        {form.unappliedMinor === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <CheckCircle2 className="mx-auto size-10 text-emerald-400" aria-hidden />
            <p className="mt-3 font-medium">This {payment ? 'payment' : 'credit note'} is fully applied</p>
            <p className="mt-1 text-sm text-slate-500">
              <Link href={backHref} className="text-brand-700 hover:underline">
                Back to the list.
              </Link>
            </p>
          </div>
        ) : form.invoices.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <p className="font-medium">No open invoices to apply it to</p>
            <p className="mt-1 text-sm text-slate-500">
              {form.customer.name} has no open {form.currency} invoices in the locations where you can modify invoices. The credit stays on the
              customer.
            </p>
          </div>
        ) : (
          <ApplyForm slug={slug} form={form} today={today} backHref={backHref} />
        )}
      </div>
    </>,
  );
}
