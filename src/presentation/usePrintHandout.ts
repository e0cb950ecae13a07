/**
 * When the print handout is in the document, and printing that waits for it to be
 * drawn. The design, and why, is at the top of PrintHandout.tsx.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { handoutDrawn } from "./handoutDrawn.ts";
import { isPrintShortcut } from "./presentationKeys.ts";
import { preloadPrintMap } from "./StepGraphic.tsx";

/** Print anyway after this long: a graphic still loading prints as its loading message rather than never. */
const PREPARE_TIMEOUT_MS = 30_000;
/** The print map's chunk is fetched this long after start-up, when the page is idle. */
const PREFETCH_DELAY_MS = 2000;

export interface PrintHandoutControl {
  /** The handout is in the document: from the first print on, for good (printing again is instant). */
  mounted: boolean;
  /** Every graphic in the handout has drawn. */
  drawn: boolean;
  /** The print button waits for the handout to draw. */
  preparing: boolean;
  /** Mounts the handout, waits until every graphic in it is drawn, then opens the print dialog. */
  print: () => void;
  /** A ref callback for the handout's root: watches it to know when it has drawn. */
  watchHandout: (el: HTMLElement | null) => () => void;
}

export function usePrintHandout(): PrintHandoutControl {
  const [mounted, setMounted] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [preparing, setPreparing] = useState(false);
  /** timer: the wait's 30 s limit; dialog: the print dialog due in the next task (0 when none). */
  const progress = useRef({ drawn: false, pending: false, timer: 0, dialog: 0 });

  const finish = useCallback(() => {
    const p = progress.current;
    if (!p.pending) return;
    p.pending = false;
    clearTimeout(p.timer);
    setPreparing(false);
    // In a task of its own: the button's state commits first, and print() may block until
    // the dialog closes. Kept, so unmounting in between cancels it too.
    p.dialog = window.setTimeout(() => {
      p.dialog = 0;
      window.print();
    }, 0);
  }, []);

  const print = useCallback(() => {
    const p = progress.current;
    // A dialog is already on its way.
    if (p.dialog) return;
    if (p.drawn) {
      window.print();
      return;
    }
    if (p.pending) return;
    p.pending = true;
    p.timer = window.setTimeout(finish, PREPARE_TIMEOUT_MS);
    setPreparing(true);
    setMounted(true);
  }, [finish]);

  const watchHandout = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return noop;
      const check = () => {
        const d = handoutDrawn(el);
        if (d === progress.current.drawn) return;
        progress.current.drawn = d;
        // Committed at once, so data-ready is on the handout before a waiting print reads the page.
        flushSync(() => setDrawn(d));
        if (d) finish();
      };
      const observer = new MutationObserver(check);
      observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-map-ready"] });
      // Once this commit is over: it may have drawn everything already.
      queueMicrotask(check);
      return () => observer.disconnect();
    },
    [finish],
  );

  // Unmounted while a print waits: no dialog opens later.
  useEffect(() => {
    const p = progress.current;
    return () => {
      p.pending = false;
      clearTimeout(p.timer);
      clearTimeout(p.dialog);
    };
  }, []);

  // The browser is about to print: from its menu, or headless Chromium's page.pdf() and
  // emulated print media (which change the print media query). Mount now, in this task:
  // the page is laid out for print as soon as the event returns.
  useEffect(() => {
    const mount = () => flushSync(() => setMounted(true));
    const printMedia = window.matchMedia?.("print");
    const onMedia = (e: MediaQueryListEvent) => {
      if (e.matches) mount();
    };
    window.addEventListener("beforeprint", mount);
    printMedia?.addEventListener("change", onMedia);
    return () => {
      window.removeEventListener("beforeprint", mount);
      printMedia?.removeEventListener("change", onMedia);
    };
  }, []);

  // Ctrl/Cmd+P before the handout is drawn: hold the dialog back until it is, like the button.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!isPrintShortcut(e) || progress.current.drawn) return;
    e.preventDefault();
    print();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  // When the page is idle, fetch the print map's chunk (2 KB; its code is the slides')
  // and keep the slides' 110m basemap at hand, so that printing from the browser's menu
  // draws every map in the same commit (the charts' data comes with the story: see
  // PresentationApp). The 50m basemap (242 KB) is left until the handout is wanted.
  useEffect(() => {
    let idle = 0;
    const start = () => {
      preloadPrintMap()
        .then((m) => m.preloadBasemap("110m"))
        .catch(noop);
    };
    const timer = setTimeout(() => {
      idle = window.requestIdleCallback
        ? window.requestIdleCallback(start, { timeout: 5000 })
        : window.setTimeout(start, 0);
    }, PREFETCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else clearTimeout(idle);
    };
  }, []);

  return { mounted, drawn, preparing, print, watchHandout };
}

const noop = () => {};
