import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress';
import { installableApp } from './pwa';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromHere('.'),
  plugins: [react(), installableApp(fromHere('../../dist/web')), precompress()],
  resolve: {
    alias: {
      // The libraries are used from source, so the web build never waits on their own build output.
      '@sujarit/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@sujarit/domain': fromHere('../../libs/domain/src/index.ts'),
      // Preact runs the React code in a tenth of react-dom's bytes (the trainee's pages, issue 11; README, "The trainee's phone").
      react: 'preact/compat',
      'react-dom': 'preact/compat',
    },
  },
  build: {
    outDir: fromHere('../../dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: `npm run size` reads which chunks each page loads from it.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
