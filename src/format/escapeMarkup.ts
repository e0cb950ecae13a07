/** Text made safe as HTML or XML content, or as a double-quoted attribute's value. */
export const escapeMarkup = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
