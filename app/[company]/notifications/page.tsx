import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { PageShell } from '@/components/layout/page-shell';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ListPagination } from '@/components/ui/list-pagination';
import { NotificationList } from '@/components/notifications/notification-list';

export const metadata: Metadata = { title: 'Notifications' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/notifications`);
  const page = Array.isArray(sp.page) ? sp.page[0] : sp.page;
  const unreadOnly = (Array.isArray(sp.unread) ? sp.unread[0] : sp.unread) === '1';
  const href = (p: number) => `/${slug}/notifications?${new URLSearchParams({ ...(unreadOnly ? { unread: '1' } : {}), page: String(p) })}`;
  let body: React.ReactNode;
  try {
    const list = await listNotifications(access, { page, perPage: 25, unread: unreadOnly });
    body = (
      <div className="space-y-4">
        <NotificationList slug={slug} items={list.items} unread={list.unread} timeZone={access.company.timeZone} />
        <ListPagination
          noun={['notification', 'notifications']}
          label="Pagination"
          page={list.page}
          perPage={list.perPage}
          totalRows={list.totalRows}
          totalPages={list.totalPages}
          hrefFor={href}
        />
      </div>
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    body = <ErrorBanner title="Cannot show notifications" message={error.message} resetHref={`/${slug}/notifications`} />;
  }
  return (
    <PageShell user={user} slug={slug} active="collections">
      <div className="mb-5">
        <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
        <p className="mt-1 text-sm text-slate-500">Escalations, broken promises, failed deliveries and reminder tasks, newest first.</p>
      </div>
      {body}
    </PageShell>
  );
}
