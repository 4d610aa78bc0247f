import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The packaged app migrates its database from out/main/migrations (next to index.js).
const copyMigrations: Plugin = {
  name: 'spark-journal:copy-migrations',
  apply: 'build',
  writeBundle(output) {
    const outDir = output.dir ?? resolve(__dirname, 'out/main');
    cpSync(resolve(__dirname, 'electron/main/services/db/migrations'), resolve(outDir, 'migrations'), { recursive: true });
  },
};

// `npm run dev` only: React Fast Refresh injects an inline preamble script that the
// page's strict CSP (renderer/index.html) would block. Built renderers keep the policy.
const devServerCsp: Plugin = {
  name: 'spark-journal:dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

// Main bundles the app itself and the entries of its worker_threads (export writer,
// analytics, equity validation). Native and heavy runtime deps stay external (resolved from
// node_modules at run time, unpacked from the asar when packaged).
export default defineConfig({
  main: {
    plugins: [copyMigrations],
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'export-worker': resolve(__dirname, 'electron/main/services/exports/worker.ts'),
          'analytics-worker': resolve(__dirname, 'electron/main/services/analytics/analytics-worker.ts'),
          'equity-validation-worker': resolve(__dirname, 'electron/main/services/equity/validation-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed renderer can only load a CommonJS preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react(), devServerCsp],
  },
});
