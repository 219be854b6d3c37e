// Refreshes the wall without reloading the page: fetches the JSON twin of this URL and swaps
// the body in. Served as a file because the page's Content-Security-Policy forbids inline scripts.
'use strict';
(function () {
  var wall = document.getElementById('wall');
  var every = Number(document.body.getAttribute('data-refresh-ms')) || 60000;
  var url = location.pathname + location.search + (location.search ? '&' : '?') + 'format=json';
  function refresh() {
    fetch(url, { cache: 'no-store', credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        // The server escaped every text in this HTML (the same renderer as the page itself).
        wall.innerHTML = data.html;
        document.body.setAttribute('data-refreshed', data.generatedAt);
        document.body.classList.remove('stale');
      })
      .catch(function () {
        // Keep showing the last figures; mark them so a screen that lost the server is noticed.
        document.body.classList.add('stale');
      });
  }
  setInterval(refresh, every);
})();
