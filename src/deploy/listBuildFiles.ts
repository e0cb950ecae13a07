import { readdir } from "node:fs/promises";
import path from "node:path";

/**
 * Every file under `dir`, as paths from it with "/" separators, sorted, skipping dot
 * folders and files (.vite/: the build's manifest, not part of the site).
 */
export async function listBuildFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listBuildFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}
