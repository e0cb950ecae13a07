/**
 * Can this browser run MapLibre GL? MapLibre 6 needs WebGL 2. The probe makes a
 * throwaway canvas, asks for a webgl2 context (refusing a software "major performance
 * caveat" is left to MapLibre's defaults: SwiftShader is allowed), and releases it.
 */

const probed = new WeakMap<Document, boolean>();

/** The probe runs once per document: each run makes (and drops) a WebGL context, 20 ms with software GL. */
export function detectWebGL2(
  doc: Document | undefined = typeof document === "undefined" ? undefined : document,
): boolean {
  if (!doc) return false;
  let ok = probed.get(doc);
  if (ok === undefined) probed.set(doc, (ok = probe(doc)));
  return ok;
}

function probe(doc: Document): boolean {
  try {
    const canvas = doc.createElement("canvas");
    if (typeof canvas.getContext !== "function") return false;
    const gl = canvas.getContext("webgl2") as WebGL2RenderingContext | null;
    if (!gl) return false;
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return true;
  } catch {
    return false;
  }
}
