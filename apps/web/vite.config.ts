import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      // Live updates, and the sandbox's consent pages and control API (customer simulator).
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
      '/sandbox': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
