/*
 * The trainee's pages on the phone (issue 11, "an installable web app"). Built by vite-plugin-pwa (apps/web/pwa.ts),
 * which fills __WB_MANIFEST with the app shell: index.html and the files the trainee's pages load. The API is never
 * cached here: a trainee's attempt is kept by the page itself (features/trainee), and staff data never is.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// A new version takes over at once: pages are asked of the network first, so an open tab never mixes two versions' shells.
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

/**
 * A page of the app (never /api): from the server while there is a line (with the newest version and its preload
 * links), else the kept app shell, which draws the page from the phone's own data. A weak line gets 5 seconds.
 */
registerRoute(
  new NavigationRoute(
    new NetworkOnly({
      networkTimeoutSeconds: 5,
      plugins: [{ handlerDidError: async () => (await matchPrecache('index.html')) ?? Response.error() }],
    }),
    { denylist: [/^\/api(\/|$)/] },
  ),
);

/** Files named by their content's hash that the shell did not list (the English texts, a page opened once): kept as fetched. */
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: 'sujarit-assets', plugins: [new ExpirationPlugin({ maxEntries: 60 })] }),
);
