import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against `npm start` on a fresh embedded database: the data directory is removed before
 * the server starts, so every run migrates and seeds the demo data anew. The first start builds the app.
 * Chromium comes from Debian (`apt-get install -y chromium`); `npx playwright install` cannot work here.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = '.data/e2e';
/** The server's clock runs ahead by the milliseconds in this file (lib/process/test-clock.ts); tests/e2e/clock.ts writes it. */
export const CLOCK_FILE = path.resolve('.data/e2e-clock-ms');
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    timezoneId: 'America/New_York',
    locale: 'en-US',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // `rm` runs in the web server's own command (not at the top of this file): workers load the config too.
    command: `node -e "for (const p of ['${DATA_DIR}', '${CLOCK_FILE}']) require('node:fs').rmSync(p, { recursive: true, force: true })" && npm start`,
    url: `${baseURL}/login`,
    env: { PORT: String(PORT), AGEWISE_DATA_DIR: DATA_DIR, NEXT_TELEMETRY_DISABLED: '1', AGEWISE_E2E: '1', AGEWISE_TEST_CLOCK_FILE: CLOCK_FILE },
    timeout: 5 * 60_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
