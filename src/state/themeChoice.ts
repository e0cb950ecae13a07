/**
 * The theme a URL asks for. Its own module, free of the schemas, so that the
 * explorer's first script (src/entries/explorerBoot.ts) can read it before the app loads.
 */
export type ThemeChoice = "system" | "light" | "dark";

/** `theme=light` or `theme=dark`; anything else follows the system. */
export const parseTheme = (value: string | null): ThemeChoice =>
  value === "light" || value === "dark" ? value : "system";
