import type { Metadata } from 'next';
import { Inbox, MailWarning } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { listOutbox } from '@/lib/email/list-outbox';
import { outboxParamsSchema, type OutboxParams } from '@/lib/email/outbox-params';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ListPagination } from '@/components/ui/list-pagination';
import { OutboxStatusTabs } from '@/components/email/outbox-status-tabs';
import { OutboxTable } from '@/components/email/outbox-table';

export const metadata: Metadata = { title: 'Outbox' };

type SearchParams = Record<string, string | string[] | undefined>;

function outboxHref(slug: string, state: Partial<OutboxParams>): string {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.perPage && state.perPage !== 25) params.set('perPage', String(state.perPage));
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/${slug}/accounting/outbox${query ? `?${query}` : ''}`;
}

export default async function OutboxPage({ params, searchParams }: { params: Promise<{ company: string }>; searchParams: Promise<SearchParams> }) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/outbox`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="outbox">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);

  const smtpConfigured = Boolean(process.env.SMTP_URL?.trim());
  const header = (
    <div className="mb-5">
      <h1 className="text-2xl font-bold tracking-tight">Outbox</h1>
      <p className="mt-1 text-sm text-slate-500">Emails queued by {access.company.name}, newest first. Failed attempts are retried with backoff.</p>
      {smtpConfigured ? null : (
        <div role="note" className="mt-4 flex gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <MailWarning className="size-5 shrink-0 text-amber-600" aria-hidden />
          <p>Email delivery is not configured (SMTP_URL). Queued emails are kept here; nothing has been sent.</p>
        </div>
      )}
    </div>
  );

  const first = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const parsed = outboxParamsSchema.safeParse({ page: first('page'), perPage: first('perPage'), status: first('status') });
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return shell(
      <>
        {header}
        <ErrorBanner title="Some filters are not valid" message={message} resetHref={outboxHref(slug, {})} />
      </>,
    );
  }
  const p = parsed.data;
  const list = await listOutbox(access, p);
  const pageHref = (page: number) => outboxHref(slug, { ...p, page });

  return shell(
    <>
      {header}
      <OutboxStatusTabs status={p.status} hrefFor={(status) => outboxHref(slug, { perPage: p.perPage, status: status as OutboxParams['status'] })} />
      <div className="mt-2">
        <ListPagination
          label="Pagination, top"
          noun={['email', 'emails']}
          page={list.page}
          perPage={list.perPage}
          totalRows={list.totalRows}
          totalPages={list.totalPages}
          hrefFor={pageHref}
        />
        {list.rows.length > 0 ? (
          <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <OutboxTable slug={slug} rows={list.rows} timeZone={access.company.timeZone} />
          </div>
        ) : (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <Inbox className="mx-auto size-10 text-slate-300" aria-hidden />
            <p className="mt-3 font-medium">
              {list.totalRows > 0 ? 'No emails on this page' : p.status ? `No ${p.status} emails` : 'The outbox is empty'}
            </p>
            <p className="mt-1 text-sm text-slate-500">
              {list.totalRows > 0 ? 'Go back to the first page.' : 'Emails appear here when statements are emailed to customers.'}
            </p>
          </div>
        )}
        {list.rows.length > 0 ? (
          <ListPagination
            label="Pagination, bottom"
            noun={['email', 'emails']}
            page={list.page}
            perPage={list.perPage}
            totalRows={list.totalRows}
            totalPages={list.totalPages}
            hrefFor={pageHref}
          />
        ) : null}
      </div>
    </>,
  );
}
