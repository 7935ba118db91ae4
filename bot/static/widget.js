// Embeddable chat widget: <script src="https://ASSISTANT/widget.js" data-line="vrienden" defer></script>
// Adds a button that opens the line's chat in an iframe (the chat's own styles and storage stay
// inside it). No external resources; works without a build step.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, window.location.href).origin;
  var line = script.getAttribute("data-line") || "";
  var label = script.getAttribute("data-label") || "Chat";
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "triage-chat-frame");
  button.style.cssText = "position:fixed;right:16px;bottom:16px;z-index:2147483000;padding:12px 18px;" +
    "border:0;border-radius:24px;background:#1f5fa8;color:#fff;font:16px system-ui,sans-serif;cursor:pointer;";
  var frame = document.createElement("iframe");
  frame.id = "triage-chat-frame";
  frame.title = label;
  frame.src = base + "/chat?embed=1&line=" + encodeURIComponent(line);
  frame.hidden = true;
  frame.style.cssText = "position:fixed;right:16px;bottom:72px;z-index:2147483000;width:min(380px,calc(100vw - 32px));" +
    "height:min(600px,calc(100vh - 96px));border:1px solid #d8dde4;border-radius:12px;background:#fff;" +
    "box-shadow:0 8px 24px rgba(0,0,0,.2);";
  button.addEventListener("click", function () {
    frame.hidden = !frame.hidden;
    button.setAttribute("aria-expanded", String(!frame.hidden));
    if (!frame.hidden) frame.focus();
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
