import { ShieldOff } from 'lucide-react';

export function NoAccess({ companyName }: { companyName: string }) {
  return (
    <div className="mx-auto mt-16 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <ShieldOff className="mx-auto size-10 text-slate-400" aria-hidden />
      <h1 className="mt-4 text-lg font-semibold">No access to invoices</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are a member of {companyName}, but you have no permission to view invoices in any of its locations. Ask a company admin to grant you{' '}
        <strong>Invoices: View</strong> on the locations you work with.
      </p>
    </div>
  );
}
