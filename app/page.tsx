import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { listUserCompanies } from '@/lib/auth/list-user-companies';

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  const [first] = await listUserCompanies(user.id);
  if (!first) redirect('/login?error=NoCompany');
  redirect(`/${first.slug}`);
}
