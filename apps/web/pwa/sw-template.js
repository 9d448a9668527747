// The service worker of Thi Đua Số, built by apps/web/pwa/plugin.ts (which fills in the version and
// the precache list). It keeps the app's shell and the attendance screens on the device, so a team
// member can open a session and mark attendance in a village with no signal. It never touches the
// API: what the app reads and queues offline is its own business (IndexedDB), and a request to the
// API that cannot reach the server fails as it would without a service worker.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
// One cache per release: the precached files plus the chunks pages fetched since; a new release
// starts a new cache and the old one is dropped once the new worker takes over.
const SHELL = 'tds-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(['/index.html', ...PRECACHE]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('tds-') && key !== SHELL) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** The network within `ms`, else null (a village's "one bar" must not hang the screen). */
function networkWithin(request, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    fetch(request).then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/healthz' || url.pathname === '/readyz') return;

  if (request.mode === 'navigate') {
    // Pages: the server's current index.html when it answers in time, else the cached shell.
    event.respondWith(
      (async () => {
        const fresh = await networkWithin(request, 4000);
        if (fresh && fresh.ok) {
          const copy = fresh.clone();
          event.waitUntil(caches.open(SHELL).then((c) => c.put('/index.html', copy)));
          return fresh;
        }
        const cached = await caches.match('/index.html');
        return cached ?? fresh ?? Response.error();
      })(),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content: the cache first, the network once.
    event.respondWith(
      (async () => {
        const cached = await caches.match(request);
        if (cached) return cached;
        const fresh = await fetch(request);
        if (fresh.ok) {
          const copy = fresh.clone();
          event.waitUntil(caches.open(SHELL).then((c) => c.put(request, copy)));
        }
        return fresh;
      })(),
    );
    return;
  }

  if (PRECACHE.includes(url.pathname)) {
    // The manifest and icons: the network, else the copy installed with this release.
    event.respondWith(
      (async () => {
        const fresh = await networkWithin(request, 4000);
        if (fresh && fresh.ok) return fresh;
        return (await caches.match(url.pathname)) ?? fresh ?? Response.error();
      })(),
    );
  }
});
