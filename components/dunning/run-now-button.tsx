'use client';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { runCollectionsNowAction } from '@/lib/actions/dunning/run-collections-now';

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Runs (or resumes) today's collections run; the toast says what it did. */
export function RunNowButton({ slug }: { slug: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const r = await runCollectionsNowAction(slug);
          if (!r.ok) {
            toast.error(r.message);
            return;
          }
          const d = r.data;
          toast.success(
            `Run for ${d.runOn}: ${n(d.flagged, 'invoice')} overdue, ${n(d.emails, 'email')} queued, ${d.awaitingApproval} awaiting approval, ${n(d.tasks, 'task')}, ${n(d.skipped, 'customer')} skipped`,
          );
        })
      }
    >
      {pending ? 'Running…' : 'Run now'}
    </Button>
  );
}
