import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { InvoiceImport } from '@/components/imports/invoice-import';
import { can } from '@/lib/auth/can';

export const metadata: Metadata = { title: 'Import invoices' };

export default async function ImportInvoicesPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/import-invoices`);
  return (
    <PageShell user={user} slug={slug} active="payments">
      {!can(access, 'invoices.modify') ? (
        <NoAccess companyName={access.company.name} />
      ) : (
        <>
          <h1 className="text-2xl font-bold tracking-tight">Import customers and invoices</h1>
          <p className="mb-5 mt-1 max-w-2xl text-sm text-slate-500">
            Bring in invoices (and their customers) from another system. Imported invoices are posted and start to age. Invoice numbers are unique, so
            importing the same file again creates nothing twice.
          </p>
          <InvoiceImport slug={slug} />
        </>
      )}
    </PageShell>
  );
}
