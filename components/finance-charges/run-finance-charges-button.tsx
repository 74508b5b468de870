'use client';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { runFinanceChargesAction } from '@/lib/actions/finance-charges/run-finance-charges';
import { formatMoney } from '@/lib/money/currency';

/** Creates the previewed finance-charge invoices, then says how many and for how much. */
export function RunFinanceChargesButton({ slug, customers, label }: { slug: string; customers: number; label: string }) {
  const [pending, startTransition] = useTransition();
  function run() {
    startTransition(async () => {
      const result = await runFinanceChargesAction(slug);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      const r = result.data;
      toast.success(
        `${r.created} finance-charge invoice${r.created === 1 ? '' : 's'} created for ${formatMoney(r.chargeMinor, r.currency)}` +
          (r.alreadyCharged ? `; ${r.alreadyCharged} customer${r.alreadyCharged === 1 ? ' was' : 's were'} already charged this month` : ''),
      );
    });
  }
  return (
    <Button type="button" onClick={run} disabled={pending || customers === 0} aria-busy={pending}>
      {pending ? 'Creating invoices…' : label}
    </Button>
  );
}
