/*
 * kepu default theme script. Vanilla, no framework; the site works without it.
 *  - large-text mode (适老化): the 大字版 button toggles `large-text` on <html>,
 *    remembered in localStorage "kepu-large-text" (applied before paint by the
 *    inline script in <head>);
 *  - emergency banners (and other marks of an active note) carry data-expires
 *    (RFC 3339): hide them once expired, even if nobody rebuilds the site; a
 *    note's own status text flips to expired instead (data-expired-text); a
 *    [data-expiry-group] whose expiring items are all hidden is hidden too.
 */
(function () {
  "use strict";

  var KEY = "kepu-large-text";
  var root = document.documentElement;

  function largeTextOn() {
    return (" " + root.className + " ").indexOf(" large-text ") !== -1;
  }

  function setLargeText(on) {
    if (on && !largeTextOn()) {
      root.className += " large-text";
    } else if (!on) {
      root.className = root.className.replace(/(^|\s)large-text(?=\s|$)/g, "").replace(/\s+/g, " ").trim();
    }
    try {
      if (on) {
        localStorage.setItem(KEY, "1");
      } else {
        localStorage.removeItem(KEY);
      }
    } catch (e) { /* private mode: the switch still works for this page */ }
  }

  function setupLargeText() {
    var buttons = document.querySelectorAll("[data-large-text-toggle]");
    function render() {
      var on = largeTextOn();
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
        buttons[i].textContent = on ? "标准版" : "大字版";
      }
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        setLargeText(!largeTextOn());
        render();
      });
    }
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

  setupLargeText();
  expire();
  window.setInterval(expire, 60 * 1000);
})();
