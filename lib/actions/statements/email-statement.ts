'use server';
import { z } from 'zod';
import { companyAction } from '@/lib/actions/company-action';
import { notFound } from '@/lib/errors/app-error';
import { emailStatement } from '@/lib/statements/email-statement';

export const emailStatementAction = companyAction(
  async (access, statementId: string) => {
    // A malformed id reaches the database as a cast error; to the caller it is simply a statement that is not there.
    if (!z.guid().safeParse(statementId).success) throw notFound('Statement');
    const { to } = await emailStatement(access, statementId);
    return { to };
  },
  { revalidate: ['/accounting/statements', '/accounting/outbox'] },
);
