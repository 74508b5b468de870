import { TabLinks } from '@/components/ui/tab-links';
import { unappliedListHref, type CreditKind } from './ledger-hrefs';

/** Switches between Payments received, Unapplied payments and Customer credits. */
export function LedgerTabs({ slug, current }: { slug: string; current: CreditKind | 'received' }) {
  const tabs = [
    { key: 'received', label: 'Payments received', href: `/${slug}/accounting/payments/received` },
    { key: 'payment', label: 'Unapplied payments', href: unappliedListHref(slug, 'payment') },
    { key: 'credit_note', label: 'Customer credits', href: unappliedListHref(slug, 'credit_note') },
  ];
  return <TabLinks label="Payments and credits" tabs={tabs.map((t) => ({ ...t, current: t.key === current }))} />;
}
