// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { pageQueryClient } from "../data/queryClient.ts";
import { ExplorerApp } from "../explorer/ExplorerApp.tsx";
import { loadGraphics } from "../graphics/loadGraphic.ts";
import { GRAPHIC_IDS } from "../graphics/registry.ts";
import { preloadMap } from "../map/preloadMap.ts";
import { parseUrlState } from "../state/urlState.ts";
import "../styles.css";
import { mount, stayStatic } from "./mount.tsx";

preloadMap({ camera: parseUrlState(window.location.search).camera, engine: "auto" });
const { client, hydratable } = pageQueryClient();
const graphics = await loadGraphics(GRAPHIC_IDS).catch(stayStatic);
if (graphics) mount(<ExplorerApp client={client} graphics={graphics} />, { fresh: !hydratable });
