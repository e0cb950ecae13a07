/**
 * Mirrors the URL-state part of the store in the address bar: a copied link
 * reproduces the view, and back/forward step through views. Only non-default values
 * are written. Embeds do not call this: an embed never touches its parent's history.
 */
import { useEffect } from "react";
import { selectUrlState, useAppStore } from "./store.ts";
import { parseUrlState, serialiseUrlState } from "./urlState.ts";

export function useUrlSync(): void {
  useEffect(() => {
    const apply = () => useAppStore.getState().replaceUrlState(parseUrlState(window.location.search));
    apply();
    // Canonicalise: drop unknown or malformed parameters from the address bar.
    const canonical = serialiseUrlState(selectUrlState(useAppStore.getState()));
    if (canonical !== window.location.search.replace(/^\?/, ""))
      history.replaceState(history.state, "", urlFor(canonical));

    let last = canonical;
    const unsubscribe = useAppStore.subscribe((s) => {
      const next = serialiseUrlState(selectUrlState(s));
      if (next === last) return;
      last = next;
      history.pushState(null, "", urlFor(next));
    });
    const onPop = () => {
      last = serialiseUrlState(parseUrlState(window.location.search));
      apply();
    };
    window.addEventListener("popstate", onPop);
    return () => {
      unsubscribe();
      window.removeEventListener("popstate", onPop);
    };
  }, []);
}

const urlFor = (query: string) => `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
