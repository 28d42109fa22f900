import path from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'src/web');

// The SPA: built to dist/web and served by the API process; in `npm run dev` Vite serves it with
// hot reload and forwards /api to the API.
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@web': root,
      '@shared': path.resolve(import.meta.dirname, 'src/shared'),
      '@domain': path.resolve(import.meta.dirname, 'src/domain'),
    },
  },
  build: { outDir: path.resolve(import.meta.dirname, 'dist/web'), emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
