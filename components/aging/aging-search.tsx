'use client';
import { useState } from 'react';
import { Search } from 'lucide-react';

/** Customer name search: applies on Enter (or when cleared), so typing does not fire a query per key. */
export function AgingSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [q, setQ] = useState(value);
  return (
    <form
      role="search"
      className="relative w-full max-w-xs"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <label htmlFor="customer-search" className="sr-only">
        Search customers by name
      </label>
      <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <input
        id="customer-search"
        type="search"
        value={q}
        placeholder="Search customers…"
        onChange={(e) => {
          setQ(e.target.value);
          if (e.target.value === '' && value) onSearch('');
        }}
        className="h-10 w-full rounded-md border border-slate-300 bg-white pl-9 pr-3 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
      />
    </form>
  );
}
