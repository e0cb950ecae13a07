/**
 * Fetches the embedded basemap (world-atlas TopoJSON shipped as a build asset, so the
 * page never contacts another origin) and converts it once per resolution.
 *
 * Sizes (world-atlas 2.0.2): countries-110m.json 108 KB raw / 39 KB gzip;
 * countries-50m.json 756 KB / 236 KB. The world and regional views use 110m, which
 * already has St. Lawrence Island and the Bering coasts; 50m is fetched only when a
 * view narrower than 45° of longitude is shown (Bering Strait, Mexico–US border,
 * Nordics), where 110m's coasts look crude.
 */
import type { Topology } from "topojson-specification";
import countries110mUrl from "world-atlas/countries-110m.json?url";
import countries50mUrl from "world-atlas/countries-50m.json?url";
import type { Resolution } from "./basemap.ts";

export const BASEMAP_URLS: Record<Resolution, string> = { "110m": countries110mUrl, "50m": countries50mUrl };

const cache = new Map<Resolution, Promise<Topology>>();

/** The TopoJSON for a resolution; one request per resolution per page, retried after a failure. */
export function loadTopology(resolution: Resolution): Promise<Topology> {
  let p = cache.get(resolution);
  if (!p) {
    p = fetch(BASEMAP_URLS[resolution]).then(async (r) => {
      if (!r.ok) throw new Error(`The basemap (${resolution}) could not be loaded (HTTP ${r.status}).`);
      return (await r.json()) as Topology;
    });
    p.catch(() => cache.delete(resolution));
    cache.set(resolution, p);
  }
  return p;
}
