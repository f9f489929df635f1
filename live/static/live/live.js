// A live coverage page: asks the live's direct.json every few seconds (one
// cached document for every reader), offers the new entries behind a button
// instead of moving the text being read, and updates edited, pinned and
// deleted entries in place. Without this script the page works as it is.
(function () {
  "use strict";

  var stream = document.querySelector("[data-live-poll]");
  if (!stream || !window.fetch) return;
  var url = stream.getAttribute("data-live-poll");
  var seconds = Number(stream.getAttribute("data-live-seconds")) || 15;
  var list = stream.querySelector("[data-live-entries]");
  var button = stream.querySelector("[data-live-new]");
  var pinned = document.querySelector("[data-live-pinned]");
  var summary = document.querySelector("[data-live-summary]");
  var status = document.querySelector("[data-live-status]");
  var waiting = []; // new entries not shown yet, as {id, t, html}
  // The HTML last received for each entry shown: the server's text is
  // compared with the server's text (a browser rewrites what it parses).
  var seen = {};
  var lastSummary = null;
  var lastStatus = null;
  var lastPinned = null;

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function shownEntries() {
    var found = {};
    list.querySelectorAll("[data-entry-id]").forEach(function (node) {
      found[node.getAttribute("data-entry-id")] = node;
    });
    return found;
  }

  function label(count) {
    return count === 1 ? "1 nouvelle entrée" : count + "\u00a0nouvelles entrées";
  }

  function showWaiting() {
    if (!waiting.length) return;
    var empty = list.querySelector(".empty");
    if (empty) empty.remove();
    waiting.sort(function (a, b) { return a.t - b.t || a.id - b.id; });
    waiting.forEach(function (row) {
      list.prepend(fragment(row.html));
      seen[row.id] = row.html;
    });
    waiting = [];
    button.hidden = true;
  }

  function apply(data) {
    if (data.status !== lastStatus && status) {
      if (lastStatus !== null) status.innerHTML = data.status;
      lastStatus = data.status;
    }
    if (data.summary !== lastSummary && summary) {
      if (lastSummary !== null) summary.innerHTML = data.summary;
      lastSummary = data.summary;
    }
    var pinnedHtml = data.pinned.map(function (row) { return row.html; }).join("");
    if (pinned && pinnedHtml !== lastPinned) {
      if (lastPinned !== null) {
        pinned.innerHTML = pinnedHtml;
        pinned.hidden = !data.pinned.length;
      }
      lastPinned = pinnedHtml;
    }

    var shown = shownEntries();
    var received = {};
    var oldest = Infinity;
    data.entries.forEach(function (row) {
      received[row.id] = true;
      oldest = Math.min(oldest, row.t);
      var node = shown[row.id];
      if (node) {
        if (row.id in seen && seen[row.id] !== row.html) {
          node.replaceWith(fragment(row.html));
        }
        seen[row.id] = row.html;
        return;
      }
      var pending = waiting.filter(function (w) { return w.id === row.id; })[0];
      if (pending) pending.html = row.html;
      else if (!shownOlder(row)) waiting.push(row);
    });
    waiting = waiting.filter(function (row) { return received[row.id]; });
    // Gone from the answer while within its span (or the answer holds every
    // entry): deleted, pinned or rescheduled; taken off the page.
    Object.keys(shown).forEach(function (id) {
      var node = shown[id];
      var t = Number(node.getAttribute("data-t"));
      if (!received[id] && (data.complete || t >= oldest)) node.remove();
    });
    if (waiting.length) {
      button.textContent = label(waiting.length);
      button.hidden = false;
    } else {
      button.hidden = true;
    }
    if (!data.running) stop();
  }

  // An entry older than the newest shown one is not « new »: it was
  // unpinned or rescheduled; it takes its place at once.
  function shownOlder(row) {
    var first = list.querySelector("[data-entry-id]");
    if (!first || row.t >= Number(first.getAttribute("data-t"))) return false;
    var nodes = list.querySelectorAll("[data-entry-id]");
    seen[row.id] = row.html;
    for (var i = 0; i < nodes.length; i++) {
      if (Number(nodes[i].getAttribute("data-t")) < row.t) {
        nodes[i].before(fragment(row.html));
        return true;
      }
    }
    list.append(fragment(row.html));
    return true;
  }

  var timer = null;
  function poll() {
    // "no-cache": the browser asks again each time (a 304 when nothing
    // changed), never answering from its own copy.
    fetch(url, { cache: "no-cache", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) apply(data); })
      .catch(function () {});
  }
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  button.addEventListener("click", showWaiting);
  // The first answer only records what the page already shows.
  poll();
  timer = setInterval(poll, seconds * 1000);
})();
