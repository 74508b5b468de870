'use client';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Loader2 } from 'lucide-react';
import { endHoldAction } from '@/lib/actions/collections/end-hold';
import { Button } from '@/components/ui/button';

/** Ends a dispute or hold now (resolved, or released early). */
export function EndHoldButton({ slug, holdId, label }: { slug: string; holdId: string; label: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={pending}
      aria-label={`End ${label}`}
      onClick={() =>
        start(async () => {
          try {
            const result = await endHoldAction(slug, { id: holdId });
            if (result.ok) toast.success(`Ended: ${label}`);
            else toast.error(result.message);
          } catch (e) {
            console.error('End hold failed', e);
            toast.error('Something went wrong. Please try again.');
          }
        })
      }
    >
      {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
      End
    </Button>
  );
}
