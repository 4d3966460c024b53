/*
 * kepu default theme script. Vanilla, no framework; the site works without it.
 *  - 适老化 modes: 大字版 toggles `large-text` on <html> (localStorage
 *    "kepu-large-text"), 高对比 toggles `high-contrast` ("kepu-contrast"),
 *    字号 sets `fs-s`/`fs-l` ("kepu-font-size"); the inline script in <head>
 *    applies them before first paint;
 *  - 朗读 (speechSynthesis, zh-CN), 打印;
 *  - emergency banners (and other marks of an active note) carry data-expires
 *    (RFC 3339): hide them once expired, even if nobody rebuilds the site; a
 *    note's own status text flips to expired instead (data-expired-text); a
 *    [data-expiry-group] whose expiring items are all hidden is hidden too.
 */
(function () {
  "use strict";

  var root = document.documentElement;

  function hasClass(name) {
    return (" " + root.className + " ").indexOf(" " + name + " ") !== -1;
  }

  function setClass(name, on) {
    root.className = root.className.replace(new RegExp("(^|\\s)" + name + "(?=\\s|$)", "g"), "").replace(/\s+/g, " ").trim();
    if (on) {
      root.className += " " + name;
    }
  }

  function store(key, value) {
    try {
      if (value) {
        localStorage.setItem(key, value);
      } else {
        localStorage.removeItem(key);
      }
    } catch (e) { /* private mode: the switch still works for this page */ }
  }

  // A two-state mode on <html>: 大字版 (large-text), 高对比 (high-contrast).
  function setupMode(selector, cls, key, onText, offText) {
    var buttons = document.querySelectorAll(selector);
    function render() {
      var on = hasClass(cls);
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
        buttons[i].textContent = on ? onText : offText;
      }
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var on = !hasClass(cls);
        setClass(cls, on);
        store(key, on ? "1" : "");
        render();
      });
    }
    render();
  }

  // 字号: small, medium (default), large body text of an article.
  function setupFontSize() {
    var groups = document.querySelectorAll("[data-font-sizes]");
    var buttons = document.querySelectorAll("[data-font-size]");
    function current() {
      return hasClass("fs-s") ? "s" : hasClass("fs-l") ? "l" : "m";
    }
    function render() {
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", buttons[i].getAttribute("data-font-size") === current() ? "true" : "false");
      }
    }
    for (var g = 0; g < groups.length; g++) {
      groups[g].hidden = false;
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () {
        var size = this.getAttribute("data-font-size");
        setClass("fs-s", size === "s");
        setClass("fs-l", size === "l");
        store("kepu-font-size", size === "m" ? "" : size);
        render();
      });
    }
    render();
  }

  function setupPrint() {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () { window.print(); });
    }
  }

  // 朗读: the article or note body read by the browser's own speech
  // synthesis in zh-CN, with pause and stop; hidden where there is none.
  function setupReadAloud() {
    var box = document.querySelector("[data-read-aloud]");
    var synth = window.speechSynthesis;
    if (!box || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
      return;
    }
    var start = box.querySelector("[data-read-start]");
    var pause = box.querySelector("[data-read-pause]");
    var stop = box.querySelector("[data-read-stop]");
    var state = "idle";
    function render() {
      start.hidden = state === "speaking";
      start.textContent = state === "paused" ? "继续朗读" : "朗读";
      pause.hidden = state !== "speaking";
      stop.hidden = state === "idle";
    }
    function text() {
      var parts = [];
      var title = document.querySelector(".page-title");
      if (title) {
        parts.push(title.textContent);
      }
      var bodies = document.querySelectorAll(".entry .steps, .entry .content");
      for (var i = 0; i < bodies.length; i++) {
        parts.push(bodies[i].innerText || bodies[i].textContent);
      }
      return parts.join("。\n").replace(/\s+/g, " ").trim();
    }
    start.addEventListener("click", function () {
      if (state === "paused") {
        synth.resume();
      } else {
        synth.cancel();
        var u = new window.SpeechSynthesisUtterance(text());
        u.lang = "zh-CN";
        u.rate = 0.9;
        u.onend = function () { state = "idle"; render(); };
        synth.speak(u);
      }
      state = "speaking";
      render();
    });
    pause.addEventListener("click", function () {
      synth.pause();
      state = "paused";
      render();
    });
    stop.addEventListener("click", function () {
      synth.cancel();
      state = "idle";
      render();
      start.focus();
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
    box.hidden = false;
    render();
  }

  function expire() {
    var now = Date.now();
    var items = document.querySelectorAll("[data-expires]");
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var t = Date.parse(el.getAttribute("data-expires") || "");
      if (isNaN(t) || t > now) {
        continue;
      }
      if (el.hasAttribute("data-expired-text")) {
        el.textContent = el.getAttribute("data-expired-text");
        el.className = el.className.replace("status--active", "status--expired");
        el.removeAttribute("data-expires");
      } else {
        el.hidden = true;
      }
    }
    var groups = document.querySelectorAll("[data-expiry-group]");
    for (var j = 0; j < groups.length; j++) {
      if (!groups[j].querySelector("[data-expires]:not([hidden])")) {
        groups[j].hidden = true;
      }
    }
  }

  setupMode("[data-large-text-toggle]", "large-text", "kepu-large-text", "标准版", "大字版");
  setupMode("[data-contrast-toggle]", "high-contrast", "kepu-contrast", "标准色", "高对比");
  setupFontSize();
  setupPrint();
  setupReadAloud();
  expire();
  window.setInterval(expire, 60 * 1000);
})();
