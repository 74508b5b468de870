import { TabLinks } from '@/components/ui/tab-links';

const TABS = [
  { value: undefined, label: 'All' },
  { value: 'queued', label: 'Queued' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
] as const;

/** Status filter as links (state in the URL). */
export function OutboxStatusTabs({ status, hrefFor }: { status?: string; hrefFor: (status?: string) => string }) {
  return (
    <TabLinks
      label="Filter by status"
      tabs={TABS.map((t) => ({ key: t.label, label: t.label, href: hrefFor(t.value), current: t.value === status }))}
    />
  );
}
