/**
 * The shareable view state and its query-string form. Only values that differ from
 * the defaults are written, so a default view has a clean URL. Parsing never
 * throws: a value that is not well formed falls back to its default, which is also
 * what makes hostile parameters (script tags, javascript: URLs, huge numbers) inert.
 */
import type { GraphicId } from "../schema/ledger.ts";
import { Mode } from "../schema/primitives.ts";
import { parseTheme, type ThemeChoice } from "./themeChoice.ts";

export type { ThemeChoice };

export const GRAPHIC_IDS: readonly GraphicId[] = ["exit-routes", "border-stops", "forces", "week-breakdown"];

export interface UrlState {
  /** Map period filter: a period id from the exit-routes dataset, or "all". */
  period: string;
  /** Travel modes shown on the map; every mode when empty. */
  modes: Mode[];
  /** Map camera preset id. */
  camera: string;
  /** Selected route id. */
  route: string | null;
  /** Figure whose provenance record is open. */
  figure: string | null;
  /** Graphics shown as tables instead of charts. */
  tables: GraphicId[];
  theme: ThemeChoice;
}

export const DEFAULT_URL_STATE: UrlState = {
  period: "all",
  modes: [],
  camera: "world",
  route: null,
  figure: null,
  tables: [],
  theme: "system",
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,8}$/;
const MAX_ID = 64;
const isId = (s: string | null): s is string => s !== null && s.length <= MAX_ID && ID.test(s);
const MODES = Mode.options;

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const out = raw.split(",").filter((s): s is T => (allowed as readonly string[]).includes(s));
  return [...new Set(out)].sort((a, b) => allowed.indexOf(a) - allowed.indexOf(b));
}

/** Parses a query string ("?period=mobilization&route=to-georgia"). */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const modes = list(q.get("mode"), MODES);
  return {
    period: isId(q.get("period")) ? q.get("period")! : DEFAULT_URL_STATE.period,
    modes: modes.length === MODES.length ? [] : modes,
    camera: isId(q.get("camera")) ? q.get("camera")! : DEFAULT_URL_STATE.camera,
    route: isId(q.get("route")) ? q.get("route") : null,
    figure: isId(q.get("figure")) ? q.get("figure") : null,
    tables: list(q.get("table"), GRAPHIC_IDS),
    theme: parseTheme(q.get("theme")),
  };
}

/** Serialises to a query string without the leading "?", writing only non-defaults, in a stable order. */
export function serialiseUrlState(state: UrlState): string {
  const q = new URLSearchParams();
  if (state.period !== DEFAULT_URL_STATE.period) q.set("period", state.period);
  if (state.modes.length > 0 && state.modes.length < MODES.length)
    q.set("mode", [...state.modes].sort((a, b) => MODES.indexOf(a) - MODES.indexOf(b)).join(","));
  if (state.camera !== DEFAULT_URL_STATE.camera) q.set("camera", state.camera);
  if (state.route) q.set("route", state.route);
  if (state.figure) q.set("figure", state.figure);
  if (state.tables.length > 0)
    q.set("table", [...state.tables].sort((a, b) => GRAPHIC_IDS.indexOf(a) - GRAPHIC_IDS.indexOf(b)).join(","));
  if (state.theme !== DEFAULT_URL_STATE.theme) q.set("theme", state.theme);
  return q.toString().replaceAll("%2C", ",");
}

export interface KnownIds {
  periods?: readonly string[];
  cameras?: readonly string[];
  routes?: readonly string[];
  figures?: readonly string[];
}

/**
 * Second line of defence, once the datasets are known: ids that name nothing in
 * the data fall back to their defaults (a well-formed but unknown route is dropped).
 */
export function restrictToKnown(state: UrlState, known: KnownIds): UrlState {
  const keep = (value: string, list: readonly string[] | undefined, fallback: string) =>
    list && !list.includes(value) ? fallback : value;
  const keepOrNull = (value: string | null, list: readonly string[] | undefined) =>
    value !== null && list && !list.includes(value) ? null : value;
  return {
    ...state,
    period: state.period === "all" ? "all" : keep(state.period, known.periods, DEFAULT_URL_STATE.period),
    camera: keep(state.camera, known.cameras, DEFAULT_URL_STATE.camera),
    route: keepOrNull(state.route, known.routes),
    figure: keepOrNull(state.figure, known.figures),
  };
}
