/**
 * Vitest project for tests that render Astro components (Astro's container
 * API needs Astro's Vite plugins to compile `.astro` files).
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'astro',
    include: ['src/**/*.astro.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
