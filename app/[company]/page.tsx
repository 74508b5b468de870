import { redirect } from 'next/navigation';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';

/** The company's landing page: the dashboard for managers (company admins), the aging page for everyone else. */
export default async function CompanyHome({ params }: { params: Promise<{ company: string }> }) {
  const { company } = await params;
  const { access } = await requirePageAccess(company, `/${company}`);
  redirect(can(access, 'company.manage') ? `/${company}/dashboard` : `/${company}/accounting/aging-invoices`);
}
