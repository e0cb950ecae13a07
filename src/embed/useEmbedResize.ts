import { useEffect } from "react";
import { ampEmbedSize, parsePymMessage, pymMessage } from "./resizeProtocol.ts";

/**
 * Tells the parent page the embed's height whenever it changes (Pym.js and AMP
 * messages), and again whenever a Pym.js parent reports a new width.
 */
export function useEmbedResize(childId: string): void {
  useEffect(() => {
    if (window.parent === window) return;
    let last = 0;
    const send = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last || height <= 0) return;
      last = height;
      window.parent.postMessage(pymMessage(childId, "height", height), "*");
      window.parent.postMessage(ampEmbedSize(height), "*");
    };
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent) return;
      const m = parsePymMessage(e.data);
      if (m && m.childId === childId && m.type === "width") {
        last = 0;
        send();
      }
    };
    window.addEventListener("message", onMessage);
    send();
    return () => {
      observer.disconnect();
      window.removeEventListener("message", onMessage);
    };
  }, [childId]);
}
