/*
 * The first script of every page, in its <head>, before the first paint: a file, not
 * inline code, so the Content Security Policy needs no exception.
 *
 * - `js` on <html>: CSS shows the controls that need a script (they keep their room,
 *   so nothing moves when the app takes over); without scripts they stay hidden.
 * - ?theme=light|dark applies at once: no flash of the other theme. Anything else
 *   follows the reader's system setting, which CSS reads by itself.
 * - The presentation's ?step= and ?presenter=1, so CSS shows that step (or the
 *   presenter's screen) from the first paint; and the deck's first paint waits for that
 *   step's slide to be parsed, not the first step's: the `expect` link the prerenderer
 *   wrote (src/prerender/prerenderPlugin.ts deckExpect) is pointed at what follows it,
 *   the next slide or, after the last or for a step the deck does not have, the data
 *   block at the end of the page.
 * - The app starts after the first paint: once the page is parsed and its first frame
 *   drawn, its entry script and module preloads, which the prerenderer listed in
 *   `<meta name="exodus-app">` instead of writing them as tags (prerenderPlugin.ts
 *   deferApp), are added to the page. Every graphic is in the HTML already; fetching
 *   and compiling the app while the page paints would only hold the paint back. A page
 *   whose frames are not drawn (a background tab, an iframe out of view, which the
 *   browser throttles) starts it 500 ms after it is parsed: an embed reports its height
 *   to its article then, not when it is scrolled to.
 * - If the page's own script cannot load (it, or a module it imports, failed to
 *   download), `js` comes off again: the page stays as its HTML drew it, read as
 *   without scripts, rather than offering controls nothing will ever work.
 */
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(window.location.search);
  root.classList.add("js");
  window.addEventListener(
    "error",
    function (e) {
      var t = e.target;
      if (t && t.tagName === "SCRIPT" && t.type === "module") root.classList.remove("js");
    },
    true,
  );
  var theme = query.get("theme");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  var step = query.get("step");
  if (step && /^[a-z0-9-]{1,64}$/.test(step)) {
    root.setAttribute("data-step", step);
    var expect = document.querySelector('link[rel="expect"][data-deck]');
    if (expect) {
      var steps = expect.getAttribute("data-deck").split(" ");
      var at = steps.indexOf(step);
      var next = at >= 0 && at + 1 < steps.length ? "slide-" + steps[at + 1] : "exodus-data";
      expect.setAttribute("href", "#" + next);
    }
  }
  if (query.get("presenter") === "1") root.setAttribute("data-presenter", "");
  var started = false;
  function start() {
    var app = document.querySelector('meta[name="exodus-app"]');
    if (started || !app) return;
    started = true;
    var files = app.getAttribute("content").split(" ");
    for (var i = 1; i < files.length; i++) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "";
      link.href = files[i];
      document.head.appendChild(link);
    }
    var script = document.createElement("script");
    script.type = "module";
    script.crossOrigin = "";
    script.src = files[0];
    document.head.appendChild(script);
  }
  // Parsed (the app hydrates the whole page) and painted (its first contentful paint,
  // reported once the frame is on screen).
  var parsed = false;
  var painted = false;
  function whenReady() {
    if (parsed && painted) start();
  }
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf("paint") >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      painted = true;
      whenReady();
    }).observe({ type: "paint", buffered: true });
  } else painted = true;
  document.addEventListener("DOMContentLoaded", function () {
    parsed = true;
    whenReady();
    setTimeout(start, 500);
  });
})();
