import "../styles.css";
/**
 * embed.html?graphic=…: a known graphic goes on to its own page (replacing this one in
 * the frame's history, with the other parameters kept); an unknown one is named as
 * unknown beside the list of graphics, and the page reports its height to the parent
 * (Pym.js and AMP messages), as every embed does.
 */
import { isGraphicId } from "../graphics/registry.ts";
import { CHOOSER_STATUS_ID } from "../pages/pages.ts";
import { ampEmbedSize, isChildId, pymMessage } from "../embed/resizeProtocol.ts";

const params = new URLSearchParams(window.location.search);
const graphic = params.get("graphic");

if (isGraphicId(graphic)) {
  params.delete("graphic");
  const rest = params.toString();
  window.location.replace(`${import.meta.env.BASE_URL}embed/${graphic}.html${rest ? `?${rest}` : ""}`);
} else {
  const status = document.getElementById(CHOOSER_STATUS_ID);
  if (status && graphic !== null)
    status.textContent = `There is no graphic “${graphic.slice(0, 80)}”. These are the graphics you can embed:`;
  if (window.parent !== window) {
    const childId = params.get("childId");
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage(pymMessage(isChildId(childId) ? childId : "exodus-embed", "height", height), "*");
    window.parent.postMessage(ampEmbedSize(height), "*");
  }
}
