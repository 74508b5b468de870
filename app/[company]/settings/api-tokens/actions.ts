'use server';
import { revalidatePath } from 'next/cache';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import { requireActionAccess } from '@/lib/auth/require-action-access';
import { createApiToken } from '@/lib/tokens/create-api-token';
import { revokeApiToken } from '@/lib/tokens/revoke-api-token';

export async function createTokenAction(slug: string, name: string): Promise<ActionResult<{ name: string; secret: string }>> {
  return actionResult(async () => {
    const access = await requireActionAccess(slug);
    const token = await createApiToken(access.company.id, access.userId, { name });
    revalidatePath(`/${slug}/settings/api-tokens`);
    return { name: token.name, secret: token.secret };
  });
}

export async function revokeTokenAction(slug: string, tokenId: string): Promise<ActionResult<null>> {
  return actionResult(async () => {
    const access = await requireActionAccess(slug);
    await revokeApiToken(access.company.id, access.userId, String(tokenId));
    revalidatePath(`/${slug}/settings/api-tokens`);
    return null;
  });
}
