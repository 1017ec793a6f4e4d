import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompress } from './server/build/precompress.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The browser app. Its root is `client/` (index.html lives there); the build
 * goes to `dist/client`, which the relay serves next to `/sync`.
 *
 * The service worker precaches the whole app shell, so a reload without a
 * network still opens the app; the plan itself comes from IndexedDB.
 */
export default defineConfig({
  root: here('./client'),
  publicDir: here('./client/public'),
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every first screen needs (React, i18next, Yjs and its providers, the plan's first screens' part,
          // the app's frame) as one file instead of a dozen small ones: on a phone each request costs a round trip
          // and its headers. Exactly what the entry imports statically ('$initial'), no module only a later chunk
          // imports. That includes the route ("Waar staan we?", client/sections/registry.ts), where every plan
          // opens. The other sections, the editor, dialogs, the rarer pages and the plan's other instruments
          // (shared/plan/instruments.ts) stay chunks of their own, loaded when opened.
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by the app once its first screen is usable (client/app/serviceWorker.ts).
      injectRegister: false,
      // The glob below already precaches every icon; listing them again would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Kring',
        short_name: 'Kring',
        description: 'Eén plan voor jouw huishouden. Je schrijft het samen met je familie, je buren en het wijkteam. Het werkt ook zonder internet.',
        lang: 'nl',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f7f5f0',
        theme_color: '#2f6f5e',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        // The relay's own paths are never app pages.
        navigateFallbackDenylist: [/^\/sync\//, /^\/healthz/],
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
      },
    }),
    // Last: brotli and gzip copies of everything above, service worker included, for the relay to serve.
    precompress(),
  ],
})
