'use server';
import { companyAction } from '@/lib/actions/company-action';
import { generateStatements } from '@/lib/statements/generate-statements';

export const generateStatementsAction = companyAction((access, input: unknown) => generateStatements(access, input));
