import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { PaymentImport } from '@/components/imports/payment-import';
import { can } from '@/lib/auth/can';

export const metadata: Metadata = { title: 'Import payments' };

export default async function ImportPaymentsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/payments/import`);
  return (
    <PageShell user={user} slug={slug} active="payments">
      {!can(access, 'invoices.modify') ? (
        <NoAccess companyName={access.company.name} />
      ) : (
        <>
          <h1 className="text-2xl font-bold tracking-tight">Import payments</h1>
          <p className="mb-5 mt-1 max-w-2xl text-sm text-slate-500">
            Record a batch of payments from a CSV file. Review every row first; valid rows are imported together, and importing the same file again
            creates nothing twice.
          </p>
          <PaymentImport slug={slug} />
        </>
      )}
    </PageShell>
  );
}
