import 'server-only';
import { revalidatePath } from 'next/cache';
import { actionResult, type ActionResult } from '@/lib/auth/action-result';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { requireActionAccess } from '@/lib/auth/require-action-access';

/** A path below the company root `/<slug>` ('' is the root itself); `{ layout }` refreshes every page beneath it. */
export type RevalidateTarget = string | { layout: string };

/** Money moved: every page that shows balances is stale. */
export const EVERY_COMPANY_PAGE: RevalidateTarget = { layout: '' };

export interface CompanyActionOptions {
  /** Refreshed only after the operation succeeds, so a refused or failed action leaves the cache alone. */
  revalidate?: readonly RevalidateTarget[];
}

/**
 * The one shape of a server action: a server action is a public POST endpoint, so each call resolves the
 * session and company itself, runs the operation (which checks permissions and parses its own input), turns
 * domain errors into a typed result for the form, and refreshes the pages the change made stale.
 */
export function companyAction<Args extends unknown[], T>(
  operation: (access: CompanyAccess, ...args: Args) => Promise<T>,
  options: CompanyActionOptions = {},
): (slug: string, ...args: Args) => Promise<ActionResult<T>> {
  return async (slug, ...args) =>
    actionResult(async () => {
      const result = await operation(await requireActionAccess(slug), ...args);
      for (const target of options.revalidate ?? []) {
        if (typeof target === 'string') revalidatePath(`/${slug}${target}`);
        else revalidatePath(`/${slug}${target.layout}`, 'layout');
      }
      return result;
    });
}
