// Website chat. No framework, no build step. The feed (GET .../messages) is the single
// source of what is shown; everything from others is set with textContent, never as HTML.
"use strict";
(function () {
  var root = document.getElementById("chat");
  var config = JSON.parse(document.getElementById("chat-config").textContent);
  var line = root.dataset.line;
  var key = "triage-chat:" + line;
  // Storage may be blocked (a third-party frame, private mode): then the chat lives in memory.
  var store = (function () {
    try { localStorage.setItem(key + ":probe", "1"); localStorage.removeItem(key + ":probe"); return localStorage; }
    catch (e) { var memory = {}; return {getItem: function (k) { return k in memory ? memory[k] : null; },
                                         setItem: function (k, v) { memory[k] = String(v); }}; }
  })();
  var state = JSON.parse(store.getItem(key) || "null") || {};
  var log = document.getElementById("log");
  var text = document.getElementById("text");
  var sendButton = document.getElementById("send");
  var typing = document.getElementById("typing");
  var quick = document.getElementById("quick");
  var statusBox = document.getElementById("status");
  var personButton = document.getElementById("person");
  var lastId = 0, busy = false, feedInFlight = null, chatStatus = "bot", chatCover = null;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function save() { store.setItem(key, JSON.stringify(state)); }
  if (!state.id) { state = {id: newId(), language: root.dataset.language}; save(); }
  function ui() { return config.ui[state.language] || config.ui.nl; }
  function url(template) { return template.replace("CID", state.id); }
  // The conversation token the first reply gave us: the proof that this chat is ours.
  function headers(extra) {
    var h = extra || {};
    if (state.token) h["X-Conversation-Token"] = state.token;
    return h;
  }
  function remember(data) {
    if (!data || !data.conversation_token) return;
    if (data.conversation_id && data.conversation_id !== state.id) { state.id = data.conversation_id; lastId = 0; }
    state.token = data.conversation_token;
    save();
  }

  function applyLanguage() {
    var t = ui();
    document.documentElement.lang = state.language;
    document.getElementById("disclosure").textContent = t.disclosure;
    document.getElementById("lang-switch").textContent = t.switch;
    document.getElementById("lang-switch").lang = state.language === "nl" ? "en" : "nl";
    document.getElementById("new-chat").textContent = t.new;
    text.placeholder = t.placeholder;
    document.getElementById("text-label").textContent = t.placeholder;
    sendButton.textContent = t.send;
    personButton.textContent = t.person;
    document.getElementById("typing-text").textContent = t.typing;
    showStatus();
  }

  function bubble(sender, message, id) {
    var li = document.createElement("li");
    li.className = "msg " + sender;
    if (id) li.dataset.id = id;
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = {user: ui().you, bot: ui().assistant, agent: ui().agent, system: ui().assistant}[sender] || sender;
    var body = document.createElement("p");
    body.textContent = message;
    li.appendChild(who);
    li.appendChild(body);
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
    return li;
  }

  function showQuick(buttons) {
    quick.textContent = "";
    (buttons || []).forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", function () { send(b.payload || b.title, b.title); });
      quick.appendChild(button);
    });
  }

  function showStatus() {
    var t = ui();
    statusBox.hidden = chatStatus === "bot";
    var waiting = (chatCover && t["waiting_" + chatCover]) || t.waiting;
    statusBox.textContent = chatStatus === "waiting" ? waiting : chatStatus === "agent" ? t.joined : "";
    statusBox.className = "status " + chatStatus;
    personButton.hidden = chatStatus !== "bot";
  }

  function greet() {
    if (log.children.length) return;
    bubble("bot", config.greeting[state.language] || config.greeting.nl);
    showQuick(config.suggestions[state.language].map(function (s) { return {title: s, payload: s}; }));
  }

  function fetchFeed() {
    // one request at a time; a caller who needs the newest state waits for the running one
    if (feedInFlight) return feedInFlight.then(fetchFeed);
    feedInFlight = fetchFeedNow();
    return feedInFlight;
  }

  function fetchFeedNow() {
    return fetch(url(root.dataset.feed) + "?after=" + lastId, {headers: headers({Accept: "application/json"})})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        var buttons = null;
        data.messages.forEach(function (m) {
          if (m.id <= lastId) return;
          var pending = log.querySelector("li.pending");
          if (pending && m.sender === "user") pending.remove();
          bubble(m.sender, m.text, m.id);
          lastId = m.id;
          buttons = m.sender === "bot" ? m.buttons : (m.sender === "user" ? buttons : []);
        });
        if (data.messages.length) showQuick(buttons);
        if (data.status !== chatStatus || (data.cover || null) !== chatCover) {
          chatStatus = data.status; chatCover = data.cover || null; showStatus();
        }
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { feedInFlight = null; });
  }

  function setBusy(on) {
    busy = on;
    typing.hidden = !on;
    sendButton.disabled = on;
  }

  function send(message, shown) {
    message = (message || "").trim();
    if (!message || busy) return;
    setBusy(true);
    quick.textContent = "";
    var pending = bubble("user", shown || message);
    pending.classList.add("pending");
    text.value = "";
    fetch(root.dataset.api, {
      method: "POST", headers: headers({"Content-Type": "application/json", Accept: "application/json"}),
      body: JSON.stringify({text: message, conversation_id: state.id, channel: "web", line: line,
                            language: state.language})
    }).then(function (r) { return r.json().then(function (data) { return {ok: r.ok, data: data}; }); })
      .then(function (result) {
        if (!result.ok) throw new Error(result.data.message || "error");
        remember(result.data);
        if (result.data.language && result.data.language !== state.language) {
          state.language = result.data.language; save(); applyLanguage();
        }
        return fetchFeed();
      })
      .catch(function (error) {
        pending.remove();
        text.value = message;
        bubble("system", error && error.message && error.message !== "error" && error.message.indexOf("fetch") < 0 ? error.message : ui().error);
      })
      .then(function () { setBusy(false); text.focus(); });
  }

  document.getElementById("compose").addEventListener("submit", function (event) {
    event.preventDefault();
    send(text.value);
  });
  text.addEventListener("keydown", function (event) {  // Enter sends, Shift+Enter is a new line
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); send(text.value); }
  });
  personButton.addEventListener("click", function () {
    personButton.disabled = true;
    fetch(url(root.dataset.person), {method: "POST", headers: headers({"Content-Type": "application/json"}),
                                     body: JSON.stringify({line: line, language: state.language})})
      .then(function (r) { return r.ok ? r.json().then(remember) : null; })
      .then(fetchFeed)
      .catch(function () { bubble("system", ui().error); })
      .then(function () { personButton.disabled = false; });
  });
  document.getElementById("lang-switch").addEventListener("click", function () {
    state.language = state.language === "nl" ? "en" : "nl";
    save();
    applyLanguage();
    if (!lastId) { log.textContent = ""; greet(); }
  });
  document.getElementById("new-chat").addEventListener("click", function () {
    state = {id: newId(), language: state.language};
    save();
    lastId = 0; chatStatus = "bot"; chatCover = null;
    log.textContent = "";
    applyLanguage();
    greet();
  });

  applyLanguage();
  fetchFeed().then(function () { greet(); });
  // Agent replies arrive by short polling: works behind any proxy and with any worker model.
  setInterval(function () { if (!feedInFlight) fetchFeed(); }, 1500);
})();
