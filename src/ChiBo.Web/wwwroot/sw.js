// Sổ tay đảng viên — service worker, scope /so-tay.
// Pages: network first, the last copy seen when offline, else the offline page.
// Style sheets, scripts, icons: cache first. Only the signed-in member's own /so-tay pages are
// kept; nothing under /api, no POST. Sign-out and sign-in clear everything (Clear-Site-Data).
// A session that ended without a sign-out (2 hours idle, 12 hours in all, ended on the server)
// answers a page with the sign-in redirect or 401: the kept pages are dropped then, so a shared
// phone does not show one member's record, birth date and card number to the next person.
'use strict';
var CACHE = 'so-tay-v2';
var OFFLINE = '/so-tay/ngoai-tuyen.html';
var SHELL = [OFFLINE, '/css/portal.css', '/js/portal.js', '/icons/icon-32.png', '/icons/icon-192.png', '/manifest.webmanifest'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) { return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); })); })
    .then(function () { return self.clients.claim(); }));
});

function isPortalPage(url) {
  return url.pathname === '/so-tay' || url.pathname.indexOf('/so-tay/') === 0;
}

function isAsset(url) {
  return /^\/(css|js|icons)\//.test(url.pathname) || url.pathname === '/manifest.webmanifest';
}

function sessionEnded(response) {
  // A navigation is fetched with redirect: 'manual', so the sign-in redirect is opaque.
  return response.status === 401 || response.type === 'opaqueredirect' ||
    (response.redirected && new URL(response.url).pathname === '/dang-nhap');
}

function forgetPages(cache) {
  return cache.keys().then(function (requests) {
    return Promise.all(requests.filter(function (r) {
      var url = new URL(r.url);
      return isPortalPage(url) && url.pathname !== OFFLINE;
    }).map(function (r) { return cache.delete(r); }));
  });
}

function networkFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(request).then(function (response) {
      if (sessionEnded(response)) {
        return forgetPages(cache).then(function () { return response; }, function () { return response; });
      }
      // An error page is never kept in place of the page.
      if (response.ok && response.type === 'basic' && !response.redirected) {
        cache.put(request, response.clone());
      }
      return response;
    }, function () {
      return cache.match(request).then(function (hit) { return hit || cache.match(OFFLINE); });
    });
  });
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) { cache.put(request, response.clone()); }
        return response;
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) {
    return;
  }
  if (request.mode === 'navigate' && isPortalPage(url)) {
    event.respondWith(networkFirst(request));
  } else if (isAsset(url)) {
    event.respondWith(cacheFirst(request));
  }
});
