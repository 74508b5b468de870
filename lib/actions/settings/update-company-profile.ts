'use server';
import { companyAction } from '@/lib/actions/company-action';
import { updateCompanyProfile } from '@/lib/settings/update-company-profile';

export const updateCompanyProfileAction = companyAction(
  async (access, form: FormData) => {
    // The browser sends an empty file part when no logo was chosen.
    const file = form.get('logo');
    const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    await updateCompanyProfile(
      access,
      {
        remitTo: String(form.get('remitTo') ?? ''),
        downloadLimit: form.get('downloadLimit'),
        generateLimit: form.get('generateLimit'),
        logoAction: form.get('logoAction') ?? 'keep',
      },
      logo,
    );
    return null;
  },
  { revalidate: ['/settings/company'] },
);
