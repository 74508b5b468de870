import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'test-secret-not-for-production';
