'use client';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { formatInstantDateTime } from '@/lib/aging/format-instant';
import type { NotificationItem } from '@/lib/notifications/list-notifications';

const KIND_LABELS: Record<string, string> = {
  overdue: 'Overdue',
  escalation: 'Escalation',
  broken_promise: 'Broken promise',
  delivery_failed: 'Delivery failed',
  task: 'Task',
  run: 'Reminder run',
  aging_creep: 'Aging trend',
};

/** One notification: kind, title (a link when it has one), body and time (in the company's time zone); unread ones are marked. */
export function NotificationRow({ item, onOpen, timeZone }: { item: NotificationItem; onOpen: (item: NotificationItem) => void; timeZone: string }) {
  const title = <span className={cn('font-medium', item.readAt ? 'text-slate-700' : 'text-slate-900')}>{item.title}</span>;
  return (
    <div className="flex gap-2">
      <span aria-hidden className={cn('mt-1.5 size-2 shrink-0 rounded-full', item.readAt ? 'bg-transparent' : 'bg-brand-600')} />
      <div className="min-w-0 flex-1">
        <p className="text-xs text-slate-500">
          {KIND_LABELS[item.kind] ?? item.kind} · <time dateTime={item.createdAt}>{formatInstantDateTime(item.createdAt, timeZone)}</time>
          {item.readAt ? null : <span className="sr-only"> · unread</span>}
        </p>
        {item.link ? (
          <Link href={item.link} onClick={() => onOpen(item)} className="hover:underline">
            {title}
          </Link>
        ) : (
          title
        )}
        {item.body ? <p className="mt-0.5 text-sm text-slate-600">{item.body}</p> : null}
      </div>
    </div>
  );
}
