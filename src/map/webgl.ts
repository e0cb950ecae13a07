/**
 * Can this browser run MapLibre GL? MapLibre 6 needs WebGL 2. The probe makes a
 * throwaway canvas, asks for a webgl2 context (refusing a software "major performance
 * caveat" is left to MapLibre's defaults: SwiftShader is allowed), and releases it.
 */
export function detectWebGL2(doc: Document | undefined = typeof document === "undefined" ? undefined : document): boolean {
  if (!doc) return false;
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
