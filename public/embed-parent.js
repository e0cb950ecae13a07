/*
 * Resizes embedded graphics on pages that do not use Pym.js: include once, anywhere
 * on the page, after or before <iframe data-exodus-embed src=".../embed/forces.html">.
 * It listens for the height messages the embed sends (Pym.js and AMP formats),
 * accepts them only from those iframes and from their own origin, and ignores
 * anything malformed. It reads and writes nothing else on the page.
 */
(function () {
  "use strict";
  if (window.__exodusEmbedParent) return;
  window.__exodusEmbedParent = true;

  var MAX = 20000;

  function heightFrom(data) {
    var h = null;
    if (typeof data === "string" && data.length < 1000) {
      var parts = data.split("xPYMx");
      if (parts.length === 4 && parts[0] === "pym" && parts[2] === "height" && /^\d{1,5}$/.test(parts[3]))
        h = Number(parts[3]);
    } else if (
      data &&
      typeof data === "object" &&
      data.sentinel === "amp" &&
      data.type === "embed-size" &&
      typeof data.height === "number"
    ) {
      h = Math.ceil(data.height);
    }
    return h !== null && isFinite(h) && h > 0 && h <= MAX ? h : null;
  }

  function originOf(src) {
    try {
      return new URL(src, window.location.href).origin;
    } catch {
      return null;
    }
  }

  /* The child id the embed answers to: ?childId=…, else "exodus-" + its graphic. */
  /* The embed's Pym child id: childId=, else "exodus-" and its graphic, which a
     one-graphic page (embed/forces.html) names in its path, embed.html in graphic=. */
  function childIdOf(frame) {
    try {
      var url = new URL(frame.src, window.location.href);
      var own = /\/embed\/([a-z-]+)\.html$/.exec(url.pathname);
      return (
        url.searchParams.get("childId") || "exodus-" + (own ? own[1] : url.searchParams.get("graphic") || "exit-routes")
      );
    } catch {
      return null;
    }
  }

  /* Ask every embed for its height (a Pym.js "width" message): an embed may have
     reported it before this script was running. */
  function requestHeights() {
    var frames = document.querySelectorAll("iframe[data-exodus-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      var id = childIdOf(frame);
      var origin = originOf(frame.src);
      if (!id || !origin || !frame.contentWindow) continue;
      if (!frame.__exodusListening) {
        frame.__exodusListening = true;
        frame.addEventListener("load", requestHeights);
      }
      frame.contentWindow.postMessage(["pym", id, "width", String(frame.offsetWidth)].join("xPYMx"), origin);
    }
  }

  window.addEventListener("message", function (event) {
    var height = heightFrom(event.data);
    if (height === null) return;
    var frames = document.querySelectorAll("iframe[data-exodus-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame.src) !== event.origin) continue;
      frame.style.height = height + "px";
      frame.setAttribute("height", String(height));
    }
  });

  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(requestHeights, 100);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", requestHeights);
  else requestHeights();
})();
