import { defineConfig } from '@playwright/test';

/** End-to-end tests: real Chromium (Debian's) running the real built demo extension. */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: 'list',
  outputDir: 'test-results/e2e-artifacts',
});
