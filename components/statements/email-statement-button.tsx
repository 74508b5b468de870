'use client';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Loader2, Mail } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { emailStatementAction } from '@/lib/actions/statements/email-statement';

/** Queues a stored statement to the customer's email address, then refreshes the page's email status. */
export function EmailStatementButton({ slug, statementId, customerName }: { slug: string; statementId: string; customerName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function send() {
    startTransition(async () => {
      try {
        const result = await emailStatementAction(slug, statementId);
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
        toast.success(`Statement queued for ${result.data.to}`);
        router.refresh();
      } catch (error) {
        console.error('Emailing the statement failed', error);
        toast.error('Something went wrong. Please try again.');
      }
    });
  }

  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      className="whitespace-nowrap"
      onClick={send}
      disabled={pending}
      aria-busy={pending || undefined}
      aria-label={`Email statement to ${customerName}`}
    >
      {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Mail className="size-4" aria-hidden />}
      Email
    </Button>
  );
}
