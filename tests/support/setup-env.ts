import { inject } from 'vitest';
import { workerDatabase } from './test-databases';

// One database per worker: test files of one worker run one after another in the same process.
process.env.DATABASE_URL = await workerDatabase(inject('templateUrl'), process.env.VITEST_POOL_ID ?? '1');
process.env.NEXTAUTH_SECRET ??= 'test-secret-not-for-production';
