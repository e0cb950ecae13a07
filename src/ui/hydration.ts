/**
 * Whether the page's React tree hydrates prerendered markup (src/entries/mount.tsx
 * says so as it starts the tree) or draws from scratch over it. A component that adopts
 * the page's own HTML as an island, in its first render, must only do so while
 * hydrating: a page drawn afresh over its HTML (its data block failed its schema)
 * draws from the data.
 */
let hydrating = false;

export function setHydrating(value: boolean): void {
  hydrating = value;
}

export function isHydrating(): boolean {
  return hydrating;
}
