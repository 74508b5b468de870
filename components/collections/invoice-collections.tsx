import type { CollectionsPanelData } from '@/lib/collections/get-collections-panel';
import { CollectionLogList } from './collection-log-list';

/** The invoice page's collection log: the entries naming this invoice. */
export function InvoiceCollections({ slug, timeZone, data }: { slug: string; timeZone: string; data: CollectionsPanelData }) {
  return (
    <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="invoice-collection-log">
      <h2 id="invoice-collection-log" className="border-b border-slate-200 px-4 py-3 font-semibold">
        Collection log ({data.entries.totalRows.toLocaleString('en-US')})
      </h2>
      <CollectionLogList slug={slug} rows={data.entries.rows} timeZone={timeZone} empty="Nothing logged about this invoice yet." />
    </section>
  );
}
