import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

import { noInlineCode } from "./vite-plugins/noInlineCode.ts";

// `npm run dev` forwards API calls to the backend, so the page and the API share an
// origin as they do behind one reverse proxy. The Host header is kept (no
// changeOrigin): the backend then sees its own origin in the request, and the
// browser session's origin check passes without adding the dev server to CORS.
const backend = process.env.BACKEND_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), noInlineCode()],
  server: {
    proxy: {
      "/api": { target: backend },
      "/graphql": { target: backend },
    },
  },
  build: {
    // Every asset is a file of its own: the Content-Security-Policy allows no data: URLs.
    assetsInlineLimit: 0,
    // Browsers the build targets preload modules natively; the polyfill is dead code.
    modulePreload: { polyfill: false },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "app",
          environment: "jsdom",
          include: ["src/**/*.test.{ts,tsx}"],
          setupFiles: ["src/test/setup.ts"],
          // One jsdom per worker, not per file: 6 s instead of 45 s on two
          // cores. The setup file empties the DOM and storage after each test,
          // and spies and stubbed globals are restored.
          isolate: false,
          restoreMocks: true,
          unstubGlobals: true,
        },
      },
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["server/**/*.test.js", "vite-plugins/**/*.test.ts"],
        },
      },
    ],
  },
});
