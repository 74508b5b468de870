import { withApiAccess } from '@/lib/api/with-api-access';
import { getCustomerTransactions } from '@/lib/receivables/get-customer-transactions';

/** A customer's transactions with the running balance; query: from, to (YYYY-MM-DD), currency. */
export const GET = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => {
  const q = new URL(req.url).searchParams;
  return getCustomerTransactions(access, id, {
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
    currency: q.get('currency')?.toUpperCase() || undefined,
  });
});
