// The embed previewer (embeds.html) is static HTML: its only script is the resize
// script a newsroom's page would include, which sizes the preview frames.
import "../styles.css";

const script = document.createElement("script");
script.src = `${import.meta.env.BASE_URL}embed-parent.js`;
document.head.appendChild(script);
