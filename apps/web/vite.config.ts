import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
// With its extension: Vite's native config loader (a future default) resolves files as Node.js does.
import { precompress } from './precompress.ts';

// Dev server: the UI with hot reload; `/api` and `/healthz` go to the backend (BACKEND_URL, default :3000).
// The Host header is kept (no changeOrigin) so the server's Origin check sees the page's own origin.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const target = env['BACKEND_URL'] || 'http://localhost:3000';
  const proxy = { target, changeOrigin: false, xfwd: true, ws: false };
  return {
    base: '/',
    plugins: [react(), precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Vendor code changes less often than ours: separate chunks stay cached across releases.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/ },
              { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui|react-remove-scroll|react-number-format|clsx|tabbable|use-callback-ref|use-sidecar|react-style-singleton|get-nonce|detect-node-es|tslib)/ },
              // Only the dashboard draws charts (a lazily loaded component): the chart library and what it pulls in load with it.
              { name: 'charts', test: /node_modules[\\/](@mantine[\\/]charts|recharts)[\\/]/ },
              { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            ],
          },
        },
      },
    },
    server: { proxy: { '/api': proxy, '/healthz': proxy } },
    preview: { proxy: { '/api': proxy, '/healthz': proxy } },
  };
});
