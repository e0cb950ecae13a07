/**
 * Telling the page around an iframe how tall the embed is. Two protocols that
 * newsrooms already run, so no new code is needed on their pages:
 *
 * - Pym.js (v1): strings "pym" xPYMx childId xPYMx type xPYMx message, e.g.
 *   "pymxPYMxforcesxPYMxheightxPYMx612". The parent passes the child id in the
 *   iframe URL (?childId=…) and sends "width" messages back.
 * - AMP amp-iframe: { sentinel: "amp", type: "embed-size", height }.
 *
 * Parsing is strict: anything malformed or foreign is ignored (returns null).
 */

const DELIMITER = "xPYMx";
/** Heights outside this range are treated as malformed. */
export const MAX_HEIGHT = 20_000;

export type PymMessage = { childId: string; type: string; message: string };

/** Child ids must be short and plain: they end up in a regular expression on Pym's side. */
const CHILD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isChildId = (id: string | null): id is string => id !== null && CHILD_ID.test(id);

export function pymMessage(childId: string, type: string, message: string | number): string {
  return ["pym", childId, type, String(message)].join(DELIMITER);
}

export function parsePymMessage(data: unknown): PymMessage | null {
  if (typeof data !== "string" || data.length > 1000) return null;
  const parts = data.split(DELIMITER);
  if (parts.length !== 4 || parts[0] !== "pym") return null;
  const [, childId, type, message] = parts as [string, string, string, string];
  if (!isChildId(childId) || !/^[a-z-]{1,32}$/i.test(type)) return null;
  return { childId, type, message };
}

/** A height in CSS pixels from a message, or null when it is not a sane one. */
export function parseHeight(value: unknown): number | null {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\d{1,6}(\.\d+)?$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && n > 0 && n <= MAX_HEIGHT ? Math.ceil(n) : null;
}

export function ampEmbedSize(height: number) {
  return { sentinel: "amp", type: "embed-size", height } as const;
}

/** Height from an AMP embed-size message, or null. */
export function parseAmpEmbedSize(data: unknown): number | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  if (d.sentinel !== "amp" || d.type !== "embed-size") return null;
  return parseHeight(d.height);
}
