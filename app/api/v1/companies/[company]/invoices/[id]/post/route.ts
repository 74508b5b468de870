import { withApiAccess } from '@/lib/api/with-api-access';
import { changeInvoiceState } from '@/lib/ledger/change-invoice-state';

export const POST = withApiAccess<{ company: string; id: string }>(async (_req, access, { id }) => changeInvoiceState(access, id, 'post'));
