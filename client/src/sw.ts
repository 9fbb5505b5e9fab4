/// <reference lib="webworker" />
// Service worker (compiled by workbox-webpack-plugin's InjectManifest).

import type { WorkboxPlugin } from 'workbox-core/types';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

const SHELL = '/index.html';
const OFFLINE = '/offline.html';

// The app shell: hashed JS/CSS, index.html, offline.html, manifest, icons.
cleanupOutdatedCaches();
// No directory-index/clean-URL matching: navigations ("/", "/top", …) go through the
// network-first route below, the precache only answers exact asset URLs.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false });

/**
 * Cache only valid responses: status 200 and type "basic" (same-origin, not opaque/redirected).
 * Anything else — an error page from a proxy, a 401/500, a redirect to a login page, an opaque
 * cross-origin response whose status we cannot see — would otherwise be stored and then served
 * as the page while offline, "poisoning" the cache until the next successful fetch.
 */
const onlyValidResponses: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.status === 200 && response.type === 'basic' ? response : null,
};

// Never touch the API: /graphql carries the session and personal data and must not be cached
// (the GraphQL client keeps its own state; logout wipes it).
const isApi = (url: URL) =>
  url.pathname === '/graphql' ||
  url.pathname.startsWith('/graphql/') ||
  // The postcard sheet and CSV hold initial credentials: never cached, never the app shell.
  url.pathname.startsWith('/ops/postcards/') ||
  // Bills, receipts and CSVs are personal: opened from the network only, never kept.
  url.pathname.startsWith('/documents/');

// Navigations: network first (fresh HTML when online) with a ~3 s timeout, then the cache.
const navigationStrategy = new NetworkFirst({
  cacheName: 'pages',
  networkTimeoutSeconds: 3,
  plugins: [onlyValidResponses],
});

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && !isApi(url),
  async (options) => {
    try {
      const response = await navigationStrategy.handle(options);
      if (response) return response;
    } catch {
      /* offline or timed out with nothing cached for this URL */
    }
    // Every route is the same single-page shell; fall back to it, else to the offline page.
    return (await matchPrecache(SHELL)) ?? (await matchPrecache(OFFLINE)) ?? Response.error();
  },
);

setCatchHandler(async ({ request }) => {
  if (request.destination === 'document') {
    return (await matchPrecache(OFFLINE)) ?? Response.error();
  }
  return Response.error();
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
