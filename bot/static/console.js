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

  function renderAvailable(people) {
    var node = document.getElementById("available");
    if (!node || !people) return;
    node.textContent = people.length ? people.map(function (a) {
      return a.username + " (" + (a.lines.join("/") || "alle lijnen") + ", " +
        (a.languages.join("/") || "nl/en") + ")";
    }).join(", ") : "niemand";
  }

  function pollQueue(url, base) {
    poll(url, 1000, function (data) {
      renderQueue(data.handoffs, base);
      renderAvailable(data.available);
    });
  }

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function post(url, body) {
    return fetch(url, {method: "POST", credentials: "same-origin",
                       headers: {"Accept": "application/json", "Content-Type": "application/json",
                                 "X-CSRFToken": csrf()},
                       body: JSON.stringify(body || {})});
  }

  // Escalated handoffs: a banner on every console page, a tone, and a browser notification
  // (if the agent allowed them) for each handoff and level not shown before.
  // Shown already (this browser tab, across console pages): no second tone or notification.
  var alerted = {};
  try { alerted = JSON.parse(sessionStorage.getItem("alerted") || "{}"); } catch (e) { alerted = {}; }
  function renderAlerts(alerts, base) {
    var box = document.getElementById("escalation-alert");
    var list = document.getElementById("escalation-list");
    if (!box || !list) return;
    list.textContent = "";
    var fresh = [];
    alerts.forEach(function (a, n) {
      var link = el("a", "alert-link", (LABELS[a.category] || a.category) + " op " + a.line + " (" +
                    a.channel + "), wacht " + wait(a.waiting_seconds) + ", niveau " + a.level);
      link.href = base + a.id;
      link.dataset.id = a.id;
      if (n) list.appendChild(document.createTextNode(" · "));
      list.appendChild(link);
      var key = a.id + ":" + a.level;
      if (!alerted[key]) { alerted[key] = true; fresh.push(a); }
    });
    box.hidden = !alerts.length;
    if (!fresh.length) return;
    try { sessionStorage.setItem("alerted", JSON.stringify(alerted)); } catch (e) { /* private mode */ }
    document.title = "(!) Niet aangenomen · Triage-console";
    beep();
    if ("Notification" in window && Notification.permission === "granted") {
      fresh.forEach(function (a) {
        try {
          new Notification("Niemand heeft overdracht " + a.id + " aangenomen",
                           {body: (LABELS[a.category] || a.category) + " op " + a.line +
                                  ", niveau " + a.level, tag: "handoff-" + a.id + "-" + a.level});
        } catch (e) { /* the banner and the tone remain */ }
      });
    }
  }

  function watch(alertsUrl, heartbeatUrl, base) {
    var button = document.getElementById("notify-on");
    if (button && "Notification" in window && Notification.permission === "default") {
      button.hidden = false;
      button.addEventListener("click", function () {
        Notification.requestPermission().then(function () { button.hidden = true; });
      });
    }
    var select = document.getElementById("presence");
    if (select) {
      select.addEventListener("change", function () {
        post(select.form.action, {status: select.value});
      });
    }
    function beat() {
      post(heartbeatUrl).then(function (r) { return r.json(); }).then(function (data) {
        if (select && data.status && select.value !== data.status) select.value = data.status;
      }).catch(function () { /* next beat tries again */ });
    }
    beat();
    setInterval(beat, 20000);
    poll(alertsUrl, 2000, function (data) { renderAlerts(data.alerts, base); });
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
      var steps = document.getElementById("events");
      if (steps && data.events && steps.children.length !== data.events.length) {
        steps.textContent = "";
        data.events.forEach(function (e) {
          steps.appendChild(el("li", null, (e.created_at || "").substr(11, 8) + " " + e.kind + " " +
                               (e.detail || "")));
        });
      }
      if (data.handoff.status !== status) window.location.reload();  // accepted/closed elsewhere
    });
  }

  // Started from data-* attributes (the Content-Security-Policy allows no inline script):
  // <body data-alerts data-heartbeat data-handoffs>, #queue-body[data-poll], #transcript[data-poll].
  function start() {
    var body = document.body;
    if (!body || !body.dataset.alerts) return;  // not logged in
    var base = body.dataset.handoffs;
    watch(body.dataset.alerts, body.dataset.heartbeat, base);
    var queueBody = document.getElementById("queue-body");
    if (queueBody && queueBody.dataset.poll) pollQueue(queueBody.dataset.poll, base);
    var transcript = document.getElementById("transcript");
    if (transcript && transcript.dataset.poll) {
      pollHandoff(transcript.dataset.poll, transcript.dataset.status);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  return {pollQueue: pollQueue, pollHandoff: pollHandoff, watch: watch};
})();
