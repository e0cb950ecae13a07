// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { pageQueryClient } from "../data/queryClient.ts";
import { loadGraphics } from "../graphics/loadGraphic.ts";
import { GRAPHIC_IDS } from "../graphics/registry.ts";
import { PresentationApp } from "../presentation/PresentationApp.tsx";
import { useAppStore } from "../state/store.ts";
import { parseTheme } from "../state/themeChoice.ts";
import "../styles.css";
import { mount, stayStatic } from "./mount.tsx";

// The presentation reads only the step, the presenter flag and the theme from its URL
// (it does not mirror the store there: each step sets the view).
const params = new URLSearchParams(window.location.search);
const { client, hydratable } = pageQueryClient();
if (params.get("presenter") === "1") {
  // The presenter's window is not the prerendered deck: it is drawn afresh over it.
  useAppStore.getState().setTheme(parseTheme(params.get("theme")));
  mount(<PresentationApp client={client} graphics={new Map()} presenter />, { fresh: true });
} else {
  const graphics = await loadGraphics(GRAPHIC_IDS).catch(stayStatic);
  if (graphics) mount(<PresentationApp client={client} graphics={graphics} />, { fresh: !hydratable });
}
