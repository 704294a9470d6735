/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The Tauri shell loads ui/dist in production and http://localhost:5173 in development.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keep everything in files: the app's CSP forbids inline scripts and styles.
    assetsInlineLimit: 0,
    sourcemap: false,
    // zxcvbn-ts word lists (loaded only on the passphrase screens) are one large lazy chunk.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/tests/setup.ts'],
    restoreMocks: true,
  },
});
