import 'server-only';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { can } from '@/lib/auth/can';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { localTimeInTimeZone } from './collection-input';
import { getCustomerCollection, type CustomerCollectionView } from './get-customer-collection';
import { listCollectionEntries, type CollectionEntryPage } from './list-collection-entries';
import { listHolds, type HoldRow } from './list-holds';
import { listPromises, type PromiseRow } from './list-promises';

export interface CollectionsPanelData {
  today: string;
  /** Now on the company's clock, for the "when" of a new entry. */
  nowLocal: string;
  /** Whether the caller may write anything here at all (each write is checked again on the server). */
  mayModify: boolean;
  settings: CustomerCollectionView | null;
  entries: CollectionEntryPage;
  promises: PromiseRow[];
  activeHolds: HoldRow[];
}

/**
 * What the customer page's Collections panel shows (or, with an invoice, the invoice page's: the entries naming
 * it and the holds covering it). The reads run at once; each applies the caller's visibility.
 */
export async function getCollectionsPanel(
  access: CompanyAccess,
  target: { customerId: string; invoiceId?: string },
  opts: { now?: Date; page?: string } = {},
): Promise<CollectionsPanelData> {
  const now = opts.now ?? new Date();
  const filter = target.invoiceId ? { invoiceId: target.invoiceId } : { customerId: target.customerId };
  const [settings, entries, promises, holds] = await Promise.all([
    target.invoiceId ? null : getCustomerCollection(access, target.customerId),
    listCollectionEntries(access, { ...filter, page: opts.page, perPage: 20 }),
    target.invoiceId ? null : listPromises(access, { customerId: target.customerId, perPage: 20 }, { now }),
    listHolds(access, { ...filter, active: true }, { now }),
  ]);
  return {
    today: todayInTimeZone(access.company.timeZone, now),
    nowLocal: localTimeInTimeZone(access.company.timeZone, now),
    mayModify: can(access, 'invoices.modify'),
    settings,
    entries,
    promises: promises?.rows ?? [],
    activeHolds: holds.rows,
  };
}
