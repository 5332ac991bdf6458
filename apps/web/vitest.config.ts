import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'functions/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
    // Builds the UI (only when sources changed) for the browser tests, which run against the real server.
    globalSetup: ['e2e/global-setup.ts'],
  },
});
