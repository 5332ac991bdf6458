import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'ebay-client',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
