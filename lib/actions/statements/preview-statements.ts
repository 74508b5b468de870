'use server';
import { companyAction } from '@/lib/actions/company-action';
import { previewStatements } from '@/lib/statements/preview-statements';

export const previewStatementsAction = companyAction((access, input: unknown) => previewStatements(access, input));
