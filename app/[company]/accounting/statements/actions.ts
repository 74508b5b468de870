'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import { requireActionAccess } from '@/lib/auth/require-action-access';
import { notFound } from '@/lib/errors/app-error';
import { emailStatement } from '@/lib/statements/email-statement';

export async function emailStatementAction(slug: string, statementId: string): Promise<ActionResult<{ to: string }>> {
  return actionResult(async () => {
    const access = await requireActionAccess(slug);
    if (!z.guid().safeParse(statementId).success) throw notFound('Statement');
    const { to } = await emailStatement(access, statementId);
    revalidatePath(`/${slug}/accounting/statements`);
    revalidatePath(`/${slug}/accounting/outbox`);
    return { to };
  });
}
