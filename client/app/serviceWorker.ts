/**
 * The service worker (built by vite-plugin-pwa) precaches every part of the
 * app, so that after a first visit everything opens offline. It is
 * registered once the first screen can be used (the open section rendered),
 * or five seconds after the page loaded at the latest: on a slow phone
 * connection its precaching must not compete with what that first screen needs.
 */
let registered = false

/** Call once at start: the fallback registration after the page has loaded. */
export function registerServiceWorkerLater(): void {
  if (!import.meta.env.PROD) return
  window.addEventListener('load', () => window.setTimeout(registerServiceWorker, 5_000), { once: true })
}

/** The first screen is usable: register now. */
export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return
  registered = true
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.error('Registering the service worker failed', error))
}
