/**
 * Registers the service worker the build writes (dist/web/service-worker.js, from src/service-worker.ts): it keeps the trainee's
 * pages on the phone, so a reload with no connection still opens the test. Only in a build (the dev server has no
 * worker), and only where the browser has them (a secure context: https, or localhost).
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch(() => {
    // No worker (storage blocked, private mode): the app works as before, online only.
  });
}
