export default function Loading() {
  return (
    <div className="mx-auto max-w-7xl animate-pulse space-y-4 px-4 py-6 sm:px-6" aria-busy="true" aria-label="Loading aging invoices">
      <div className="h-14 border-b border-slate-200" />
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="h-24 rounded-xl bg-slate-200" />
      <div className="h-10 w-96 rounded bg-slate-200" />
      {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-9 rounded bg-slate-100" />)}
    </div>
  );
}
