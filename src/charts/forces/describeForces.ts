/**
 * The force comparison's text alternative, generated from the data: each category's
 * two values with their qualifiers, the ratio and whose arithmetic it is, what is
 * not reported and why, and each caveat.
 */
import { formatFigure } from "../../format/formatFigure.ts";
import type { ForcesDataset } from "../../schema/datasets.ts";
import { ratioSentence } from "./ForcesState.ts";

export function describeForces(data: ForcesDataset): string {
  const [a, b] = data.sides;
  const parts = [`${data.meta.title}, ${a} compared with ${b}, category by category.`];
  for (const g of data.groups) {
    const rows = g.categories.map((c) => {
      const value = (f: typeof c.a) =>
        f.value === null ? "not reported" : f.value === 0 ? "none" : formatFigure(f, { unit: false });
      let s = `${c.label}: ${a} ${value(c.a)}, ${b} ${value(c.b)}.`;
      if (c.missing) s += ` ${c.missing}`;
      s += ` ${ratioSentence(c, data.sides)}`;
      if (c.caveat) s += ` Caveat: ${c.caveat}`;
      return s;
    });
    parts.push(`${g.label}. ${rows.join(" ")}`);
  }
  return parts.join(" ");
}
