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
})();
