'use client';
import { Button } from '@/components/ui/button';
import type { NotificationItem } from '@/lib/notifications/list-notifications';
import { NotificationRow } from './notification-row';
import { useMarkRead } from './use-mark-read';

/** The full notifications list: Mark all read, and Mark read per unread item. */
export function NotificationList({ slug, items, unread, timeZone }: { slug: string; items: NotificationItem[]; unread: number; timeZone: string }) {
  const { pending, markRead } = useMarkRead(slug);
  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead({ ids: [item.id] }, true);
  };
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-11 items-center justify-between border-b border-slate-200 px-4 py-1.5 text-sm text-slate-600">
        <p aria-live="polite">{unread === 0 ? 'All read' : `${unread} unread`}</p>
        <Button size="sm" variant="secondary" disabled={pending || unread === 0} onClick={() => markRead({ all: true })}>
          Mark all read
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-12 text-center text-sm text-slate-500">No notifications yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="flex items-start gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <NotificationRow item={item} onOpen={open} timeZone={timeZone} />
              </div>
              {item.readAt ? null : (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={pending}
                  onClick={() => markRead({ ids: [item.id] })}
                  aria-label={`Mark "${item.title}" read`}
                >
                  Mark read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
