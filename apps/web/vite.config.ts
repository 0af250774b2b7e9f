import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    alias: {
      // The libraries are used from source, so the web build never waits on their own build output.
      '@sujarit/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@sujarit/domain': fromHere('../../libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: fromHere('../../dist/web'),
    emptyOutDir: true,
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
