import Link from 'next/link';
import { Info, Wallet } from 'lucide-react';
import type { UnappliedRow } from '@/lib/ledger/list-unapplied';
import { ListPagination } from '@/components/ui/list-pagination';
import { LedgerTabs } from './ledger-tabs';
import { unappliedListHref, type CreditKind } from './ledger-hrefs';
import { UnappliedTable } from './unapplied-table';

export interface UnappliedListData {
  params: { page: number; perPage: number };
  rows: UnappliedRow[];
  totalRows: number;
  totalPages: number;
}

const COPY = {
  payment: {
    noun: ['payment', 'payments'] as [string, string],
    empty: 'No unapplied payments',
    emptyHint: 'Payments recorded on a customer, and overpayments of invoices, wait here until they are applied to invoices.',
    howTo: (aging: React.ReactNode) => (
      <>
        To record a payment that is not for one invoice, use <strong className="font-medium">Record payment</strong> on the customer&rsquo;s page
        (open a customer from the {aging}).
      </>
    ),
  },
  credit_note: {
    noun: ['credit', 'credits'] as [string, string],
    empty: 'No customer credits to apply',
    emptyHint: 'Credit notes wait here until they are applied to invoices.',
    howTo: (aging: React.ReactNode) => (
      <>
        To add a credit note, use <strong className="font-medium">Add credit note</strong> on the customer&rsquo;s page (open a customer from the{' '}
        {aging}).
      </>
    ),
  },
};

/** The body of the Unapplied Payments and Customer Credits pages: tabs, a how-to note, the paged list. */
export function UnappliedList({ slug, kind, list, canApply }: { slug: string; kind: CreditKind; list: UnappliedListData; canApply: boolean }) {
  const copy = COPY[kind];
  const p = list.params;
  const pageHref = (page: number) => unappliedListHref(slug, kind, { page, perPage: p.perPage });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <LedgerTabs slug={slug} current={kind} />
        {canApply ? (
          <p className="flex max-w-xl items-start gap-2 text-sm text-slate-600">
            <Info className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
            <span>
              {copy.howTo(
                <Link href={`/${slug}/accounting/aging-invoices`} className="text-brand-700 hover:underline">
                  Aging page
                </Link>,
              )}
            </span>
          </p>
        ) : null}
      </div>
      <div>
        <ListPagination
          label="Pagination, top"
          noun={copy.noun}
          page={p.page}
          perPage={p.perPage}
          totalRows={list.totalRows}
          totalPages={list.totalPages}
          hrefFor={pageHref}
        />
        {list.rows.length > 0 ? (
          <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <UnappliedTable
              slug={slug}
              kind={kind}
              rows={list.rows}
              canApply={canApply}
              caption={kind === 'payment' ? 'Unapplied payments, oldest first' : 'Customer credits by customer, oldest first'}
            />
          </div>
        ) : (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <Wallet className="mx-auto size-10 text-slate-300" aria-hidden />
            <p className="mt-3 font-medium">{list.totalRows > 0 ? `No ${copy.noun[1]} on this page` : copy.empty}</p>
            <p className="mt-1 text-sm text-slate-500">
              {list.totalRows > 0 ? (
                <Link href={pageHref(1)} className="text-brand-700 hover:underline">
                  Go to the first page.
                </Link>
              ) : (
                copy.emptyHint
              )}
            </p>
          </div>
        )}
        {list.rows.length > 0 ? (
          <ListPagination
            label="Pagination, bottom"
            noun={copy.noun}
            page={p.page}
            perPage={p.perPage}
            totalRows={list.totalRows}
            totalPages={list.totalPages}
            hrefFor={pageHref}
          />
        ) : null}
      </div>
    </div>
  );
}
