import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  optimizeDeps: { exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // One chunk per heavy library, so each caches on its own and loads only where used.
        codeSplitting: {
          groups: [
            // Vite's preload helper is used by the entry too: kept out of the deck.gl chunk so the
            // startup screen needs only the entry.
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 10 },
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'deckgl', test: /node_modules[\\/](@deck\.gl|@luma\.gl|@loaders\.gl|@math\.gl|@probe\.gl)/ },
            { name: 'pglite', test: /node_modules[\\/]@electric-sql/ },
            { name: 'supabase', test: /node_modules[\\/]@supabase/ },
          ],
        },
      },
    },
  },
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/supabase/**'] },
      },
      {
        extends: true,
        test: { name: 'db', include: ['tests/supabase/**/*.test.ts'], fileParallelism: false },
      },
      {
        extends: true,
        // Conditions in a browser on a loaded two-core machine take seconds, not the default one.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, expect: { poll: { timeout: 20_000 } } },
      },
    ],
  },
});
