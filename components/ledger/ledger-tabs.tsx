import { TabLinks } from '@/components/ui/tab-links';
import { unappliedListHref, type CreditKind } from './ledger-hrefs';

const TABS: { kind: CreditKind; label: string }[] = [
  { kind: 'payment', label: 'Unapplied payments' },
  { kind: 'credit_note', label: 'Customer credits' },
];

/** Switches between the Unapplied Payments and Customer Credits pages. */
export function LedgerTabs({ slug, current }: { slug: string; current: CreditKind }) {
  return (
    <TabLinks
      label="Payments and credits"
      tabs={TABS.map((t) => ({ key: t.kind, label: t.label, href: unappliedListHref(slug, t.kind), current: t.kind === current }))}
    />
  );
}
