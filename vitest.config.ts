import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test. The e2e folder belongs to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
  },
});
