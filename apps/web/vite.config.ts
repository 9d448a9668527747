import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './pwa/plugin.ts';

const apiTarget = process.env.TDS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    // Offline: the shell and the Bình dân học vụ số screens a team member uses in a village.
    serviceWorker({
      pages: /\/src\/(app\/(AppLayout|HomePage)|features\/training\/pages\/(SessionPage|SessionsPage))\.tsx$/,
      extra: ['/manifest.webmanifest', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png', '/apple-touch-icon.png'],
    }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
      '/readyz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks that every page needs, so a release that changes only the app's
        // code leaves them cached. antd and echarts stay split per page by the lazy routes.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'libs', test: /[\\/]node_modules[\\/](i18next|react-i18next|@tanstack|dayjs)[\\/]/, priority: 10 },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'pwa/**/*.test.ts'],
  },
});
