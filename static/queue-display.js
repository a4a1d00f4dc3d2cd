// The hall display (progressive enhancement): every 5 seconds it re-reads the display's
// JSON and redraws the called tickets and the waiting counts; a newly called ticket is
// announced through the page's live region. The page works without this (Refresh link).
// No inline script: the CSP allows only 'self'.
/* global document, fetch, setTimeout */
(function () {
  'use strict';
  var root = document.getElementById('queue-display');
  if (!root || typeof fetch !== 'function') return;
  var source = root.getAttribute('data-source');
  var windowText = root.getAttribute('data-window') || '{window}';
  var announceText = root.getAttribute('data-announce') || '{ticket} {window}';
  var list = document.getElementById('queue-called');
  var empty = document.getElementById('queue-called-empty');
  var live = document.getElementById('queue-announce');
  var updated = document.getElementById('queue-updated');
  var PERIOD = 5000;

  function fill(template, ticket, win) {
    return template.replace('{ticket}', ticket).replace('{window}', win);
  }

  function keyOf(c) {
    return c ? c.id + '@' + c.calledAt : '';
  }
  // What is on the screen already (the server marks the newest call), so only later calls are announced.
  var first = list && list.firstElementChild;
  var last = (first && first.getAttribute('data-key')) || '';

  function draw(data) {
    var called = data.called || [];
    while (list.firstChild) list.removeChild(list.firstChild);
    called.forEach(function (c, i) {
      var li = document.createElement('li');
      li.className = i === 0 ? 'queue-called-item queue-newest' : 'queue-called-item';
      li.setAttribute('data-key', keyOf(c));
      var t = document.createElement('span');
      t.className = 'queue-called-ticket';
      t.textContent = c.ticket;
      var w = document.createElement('span');
      w.className = 'queue-called-window';
      w.textContent = fill(windowText, c.ticket, c.window);
      li.appendChild(t);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(w);
      list.appendChild(li);
    });
    if (empty) empty.hidden = called.length > 0;
    (data.waiting || []).forEach(function (w) {
      var cell = root.querySelector('td[data-group="' + w.group + '"]');
      if (cell) cell.textContent = String(w.count);
    });
    if (updated && data.updated) updated.textContent = data.updated;
    var newest = keyOf(called[0]);
    if (newest && newest !== last && live) live.textContent = fill(announceText, called[0].ticket, called[0].window);
    last = newest;
  }

  function poll() {
    fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('display: ' + res.status);
        return res.json();
      })
      .then(draw)
      .catch(function () { /* keep showing the last figures; the next round tries again */ })
      .then(function () { setTimeout(poll, PERIOD); });
  }
  setTimeout(poll, PERIOD);
})();
