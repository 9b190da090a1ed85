// Sổ tay đảng viên: registers the service worker that keeps the last-seen pages readable
// offline, shows when the phone is offline, and empties the caches on sign-out.
(function () {
  'use strict';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/so-tay' }).catch(function () { /* pages work without it */ });
  }

  function showNetwork() {
    var badge = document.querySelector('[data-offline]');
    if (badge) { badge.hidden = navigator.onLine; }
  }
  window.addEventListener('online', showNetwork);
  window.addEventListener('offline', showNetwork);
  document.addEventListener('DOMContentLoaded', showNetwork);

  // Sign-out also answers Clear-Site-Data; this covers browsers that ignore it.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute('data-clear-cache') || !('caches' in window)) { return; }
    e.preventDefault();
    var done = function () { form.submit(); };
    caches.keys()
      .then(function (keys) { return Promise.all(keys.map(function (k) { return caches.delete(k); })); })
      .then(function () { return navigator.serviceWorker ? navigator.serviceWorker.getRegistrations() : []; })
      .then(function (regs) { return Promise.all(regs.map(function (r) { return r.unregister(); })); })
      .then(done, done);
  });
})();
