'use client';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { markNotificationsReadAction } from '@/lib/actions/notifications/mark-notifications-read';

/** Marks notifications read (some by id, or all) and refreshes the page so the bell's count follows. */
export function useMarkRead(slug: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function markRead(input: { ids: string[] } | { all: true }, quiet = false) {
    startTransition(async () => {
      const result = await markNotificationsReadAction(slug, input);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      if (!quiet) toast.success(result.data.marked === 1 ? 'Marked 1 notification read' : `Marked ${result.data.marked} notifications read`);
      router.refresh();
    });
  }
  return { pending, markRead };
}
