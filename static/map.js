// The property map's Leaflet layer (progressive enhancement). The page already shows a
// plot and a table of the points; with a tile server configured and Leaflet loaded, this
// shows the same points on a base map. No inline script: the page's CSP allows only 'self'.
/* global L, document, fetch */
(function () {
  'use strict';
  function start() {
    var el = document.getElementById('property-map');
    if (!el || typeof L === 'undefined') return;
    var tiles = el.getAttribute('data-tiles');
    var source = el.getAttribute('data-source');
    if (!tiles || !source) return;
    fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('map data: ' + res.status);
        return res.json();
      })
      .then(function (data) {
        var items = data.items || [];
        if (items.length === 0) return;
        el.hidden = false;
        var map = L.map(el);
        L.tileLayer(tiles, { maxZoom: 19, attribution: '&copy; OpenStreetMap contributors' }).addTo(map);
        var bounds = [];
        items.forEach(function (p) {
          var marker = p.kind === 'parcel'
            ? L.circleMarker([p.lat, p.lon], { radius: 7, color: '#1d70b8', weight: 2 })
            : L.circleMarker([p.lat, p.lon], { radius: 5, color: '#b5121b', weight: 2 });
          var link = document.createElement('a');
          link.href = p.url;
          link.textContent = p.code;
          marker.bindPopup(link).addTo(map);
          bounds.push([p.lat, p.lon]);
        });
        map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17 });
      })
      .catch(function () {
        el.hidden = true;
      });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
