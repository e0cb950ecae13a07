/**
 * UI state only (selection, filters, views, theme): datasets live in TanStack Query.
 * One store from typed slices; components read it through selectors.
 */
import { create } from "zustand";
import type { GraphicId, Mode } from "../schema/ledger.ts";
import { DEFAULT_URL_STATE, type ThemeChoice, type UrlState } from "./urlState.ts";

interface SelectionSlice {
  route: string | null;
  figure: string | null;
  /** Route highlighted by hover or list focus (not shared in the URL). */
  hoveredRoute: string | null;
  selectRoute: (id: string | null) => void;
  openFigure: (id: string | null) => void;
  hoverRoute: (id: string | null) => void;
}

interface FilterSlice {
  period: string;
  modes: Mode[];
  setPeriod: (period: string) => void;
  toggleMode: (mode: Mode, all: readonly Mode[]) => void;
}

interface ViewSlice {
  camera: string;
  tables: GraphicId[];
  theme: ThemeChoice;
  setCamera: (camera: string) => void;
  setTable: (graphic: GraphicId, asTable: boolean) => void;
  setTheme: (theme: ThemeChoice) => void;
}

export type AppState = SelectionSlice & FilterSlice & ViewSlice & { replaceUrlState: (s: UrlState) => void };

export const useAppStore = create<AppState>()((set) => ({
  ...DEFAULT_URL_STATE,
  hoveredRoute: null,
  selectRoute: (route) => set({ route }),
  openFigure: (figure) => set({ figure }),
  hoverRoute: (hoveredRoute) => set({ hoveredRoute }),
  setPeriod: (period) => set({ period }),
  toggleMode: (mode, all) =>
    set((s) => {
      const current = s.modes.length === 0 ? [...all] : s.modes;
      const next = current.includes(mode) ? current.filter((m) => m !== mode) : [...current, mode];
      return { modes: next.length === all.length ? [] : next };
    }),
  setCamera: (camera) => set({ camera }),
  setTable: (graphic, asTable) =>
    set((s) => ({ tables: asTable ? [...new Set([...s.tables, graphic])] : s.tables.filter((g) => g !== graphic) })),
  setTheme: (theme) => set({ theme }),
  replaceUrlState: (s) => set({ ...s }),
}));

/** The URL-mirrored part of the state. */
export const selectUrlState = (s: AppState): UrlState => ({
  period: s.period,
  modes: s.modes,
  camera: s.camera,
  route: s.route,
  figure: s.figure,
  tables: s.tables,
  theme: s.theme,
});

/** Resets the store (tests). */
export const resetAppStore = () => useAppStore.setState({ ...DEFAULT_URL_STATE, hoveredRoute: null });
