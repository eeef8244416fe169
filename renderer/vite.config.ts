import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset paths: the built renderer loads from app://cms-ha/ in Electron and from the harness.
  base: './',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    strictPort: false,
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome140', chunkSizeWarningLimit: 2000 },
});
