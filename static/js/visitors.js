// Counts this page view with one small request after the page has loaded. The page
// itself sets no cookie (so it can be cached); the beacon's answer sets the visitor's.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) { return; }
  var body = new URLSearchParams();
  if (script.dataset.article) { body.append("a", script.dataset.article); }
  if (document.referrer) { body.append("r", document.referrer); }
  if (!navigator.cookieEnabled) { body.append("nc", "1"); }
  fetch(script.dataset.url, { method: "POST", body: body, credentials: "same-origin", keepalive: true })
    .catch(function () { /* counting must never disturb reading */ });
})();
