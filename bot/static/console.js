// Agent console: keeps the queue and the open handoff live by polling the JSON routes.
// Text from callers is only ever set with textContent, never as HTML.
"use strict";
var Console = (function () {
  var LABELS = {crisis: "Crisis", end_of_life_request: "Levenseinde-verzoek",
                device_safety: "Apparaat-veiligheid", system: "Systeem", request: "Vraagt medewerker"};
  var seen = null;  // ids of handoffs already shown, to spot a new crisis

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function beep() {  // a short tone, made here: no sound file to fetch
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var osc = ctx.createOscillator();
      osc.frequency.value = 880;
      osc.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
    } catch (e) { /* no audio allowed before a click: the visual cue remains */ }
  }

  function wait(seconds) {
    return Math.floor(seconds / 60) + " min " + (seconds % 60) + " s";
  }

  function renderQueue(items, base) {
    var body = document.getElementById("queue-body");
    body.textContent = "";
    if (!items.length) {
      var empty = el("tr", "empty");
      var td = el("td", null, "Geen open overdrachten.");
      td.colSpan = 7;
      empty.appendChild(td);
      body.appendChild(empty);
    }
    var newCrisis = false;
    items.forEach(function (i) {
      var row = el("tr", "risk-" + i.risk_level);
      row.dataset.id = i.id;
      var badge = el("span", "badge " + i.category, LABELS[i.category] || i.category);
      var first = el("td");
      first.appendChild(badge);
      row.appendChild(first);
      [i.risk_level, i.channel, i.line, wait(i.waiting_seconds),
       i.status + (i.accepted_by ? " (" + i.accepted_by + ")" : "")].forEach(function (v, n) {
        row.appendChild(el("td", n === 3 ? "wait" : null, v));
      });
      var link = el("a", null, "Openen");
      link.href = base + i.id;
      var last = el("td");
      last.appendChild(link);
      row.appendChild(last);
      body.appendChild(row);
      if (seen && !seen[i.id] && i.risk_level === "high") newCrisis = true;
    });
    var next = {};
    items.forEach(function (i) { next[i.id] = true; });
    seen = next;
    document.getElementById("count").textContent = "(" + items.length + ")";
    if (newCrisis) {
      var alert = document.getElementById("new-crisis");
      alert.hidden = false;
      document.title = "(!) Nieuwe crisis · Triage-console";
      beep();
      setTimeout(function () { alert.hidden = true; document.title = "Wachtrij · Triage-console"; }, 15000);
    }
  }

  function poll(url, every, handle) {
    function tick() {
      fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
        .then(function (r) {
          if (r.status === 401) { window.location.reload(); throw new Error("login"); }
          return r.json();
        })
        .then(handle)
        .catch(function () { /* next tick tries again */ })
        .then(function () { setTimeout(tick, every); });
    }
    tick();
  }

  function pollQueue(url, base) {
    poll(url, 1000, function (data) { renderQueue(data.handoffs, base); });
  }

  function pollHandoff(url, status) {
    var list = document.getElementById("transcript");
    list.scrollTop = list.scrollHeight;
    poll(url, 1000, function (data) {
      var known = {};
      list.querySelectorAll("li[data-id]").forEach(function (li) { known[li.dataset.id] = true; });
      data.messages.forEach(function (m) {
        if (known[m.id]) return;
        var li = el("li", "msg " + m.sender);
        li.dataset.id = m.id;
        li.appendChild(el("span", "sender", m.sender));
        li.appendChild(el("span", "text", m.text));
        if (m.screen) li.appendChild(el("span", "screen", "signaal: " + m.screen));
        li.appendChild(el("time", null, (m.created_at || "").substr(11, 8)));
        list.appendChild(li);
        list.scrollTop = list.scrollHeight;
      });
      if (data.handoff.status !== status) window.location.reload();  // accepted/closed elsewhere
    });
  }

  return {pollQueue: pollQueue, pollHandoff: pollHandoff};
})();
