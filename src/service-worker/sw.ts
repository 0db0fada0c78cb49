// The service worker: one build's files, precached at install, answer every request of the app, so
// it works with the network off after one visit, and every answer carries the isolation headers
// (isolation-headers.ts). Updates never mix builds: a new build's worker installs beside the old one
// and waits; the page asks the learner to reload, and only then does it take over, drop the old
// build's files and reload the page whole (src/ui/offline.ts).
/// <reference lib="webworker" />
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setDefaultHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { withIsolation } from './isolation-headers.js';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

const isolation: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withIsolation(response),
};

addPlugins([isolation]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// A URL-driven run (?bench=run&…, ?mine=run&…) is the same page: answer it with the precached index.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// Anything not precached (nothing in this build should be) still gets the headers, from the network.
setDefaultHandler(new NetworkOnly({ plugins: [isolation] }));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes control of the open page at once, so its next load is isolated and offline-ready.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
