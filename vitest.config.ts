import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    // Test files in parallel on every core (vitest's default leaves one free):
    // the browser tests spend most of their time waiting on Chromium.
    maxWorkers: '100%',
    // The longest browser test files first, also on a fresh clone that has no timings yet.
    sequence: { sequencer: LongestFirst },
    projects: [
      // Tests that render .astro components with Astro's container API.
      'vitest.astro.config.ts',
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.astro.test.ts', '**/node_modules/**'],
          environment: 'node',
          // One module graph per worker rather than per file (about 1 s of start-up a file):
          // each test restores the environment variables it sets.
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // Generous: a page audit takes about a second, but much longer on a busy machine.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          maxConcurrency: 4,
          // One more try for a test that fails: on a saturated machine a page's stylesheet request can
          // fail once. A fault in the site fails both tries; a pass on the second try is still a pass.
          retry: 1,
        },
      },
    ],
  },
});
