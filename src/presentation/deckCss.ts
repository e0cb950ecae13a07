/**
 * Which slide shows before the app has taken over: public/boot.js copies ?step= onto
 * <html data-step>, and these rules (one per step, generated from the story, so no step
 * id is written in a stylesheet) show that slide, or the first one when the id names
 * none. Without scripts no rule applies and every slide shows, as a page to read.
 */
const ID = /^[a-z0-9-]{1,64}$/;

export function stepVisibilityCss(stepIds: readonly string[]): string {
  const ids = stepIds.filter((id) => ID.test(id));
  if (ids.length === 0) return "";
  const pending = "html.js .deck:not(.deck--live)";
  const rules = [`@media screen { ${pending} .slide { display: none; }`];
  for (const id of ids)
    rules.push(`  html.js[data-step="${id}"] .deck:not(.deck--live) .slide[data-step="${id}"] { display: grid; }`);
  const none = ids.map((id) => `:not([data-step="${id}"])`).join("");
  rules.push(`  html.js${none} .deck:not(.deck--live) .slide[data-step="${ids[0]}"] { display: grid; }`);
  rules.push("}");
  return rules.join("\n");
}
