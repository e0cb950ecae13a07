/**
 * Starts a page's React tree on its #root: hydrates the prerendered markup when there
 * is some (every built page), renders from scratch when there is none (the dev server,
 * which serves the shells unrendered).
 */
import { StrictMode, type ReactNode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";

export function mount(app: ReactNode): void {
  const root = document.getElementById("root")!;
  const element = <StrictMode>{app}</StrictMode>;
  if (root.firstElementChild) hydrateRoot(root, element);
  else createRoot(root).render(element);
}
