'use client';
import Link from 'next/link';
import { Popover } from 'radix-ui';
import { Bell } from 'lucide-react';
import type { NotificationItem } from '@/lib/notifications/list-notifications';
import { NotificationRow } from './notification-row';
import { useMarkRead } from './use-mark-read';

/** The header bell: unread count badge, and a panel of the newest notifications with links. */
export function NotificationBell({
  slug,
  unread,
  items,
  timeZone = 'UTC',
}: {
  slug: string;
  unread: number;
  items: NotificationItem[];
  /** The company's time zone: times are shown in it. */
  timeZone?: string;
}) {
  const { pending, markRead } = useMarkRead(slug);
  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead({ ids: [item.id] }, true);
  };
  return (
    <Popover.Root>
      <Popover.Trigger
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
      >
        <Bell className="size-5" aria-hidden />
        {unread > 0 ? (
          <span
            className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
            aria-hidden
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 w-96 max-w-[calc(100vw-1rem)] rounded-xl border border-slate-200 bg-white shadow-xl focus:outline-none"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 ? (
              <button
                type="button"
                disabled={pending}
                onClick={() => markRead({ all: true })}
                className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50"
              >
                Mark all read
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-slate-500">No notifications yet.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((item) => (
                <li key={item.id} className="px-4 py-2.5">
                  <NotificationRow item={item} onOpen={open} timeZone={timeZone} />
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-200 px-4 py-2 text-right">
            <Link href={`/${slug}/notifications`} className="text-sm font-medium text-brand-700 hover:underline">
              See all
            </Link>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
