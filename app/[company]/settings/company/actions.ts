'use server';
import { revalidatePath } from 'next/cache';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import { requireActionAccess } from '@/lib/auth/require-action-access';
import { updateCompanyProfile } from '@/lib/settings/update-company-profile';

export async function updateCompanyProfileAction(slug: string, form: FormData): Promise<ActionResult<null>> {
  return actionResult(async () => {
    const access = await requireActionAccess(slug);
    const file = form.get('logo');
    const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    await updateCompanyProfile(access, {
      remitTo: String(form.get('remitTo') ?? ''),
      downloadLimit: form.get('downloadLimit'),
      generateLimit: form.get('generateLimit'),
      logoAction: form.get('logoAction') ?? 'keep',
    }, logo);
    revalidatePath(`/${slug}/settings/company`);
    return null;
  });
}
