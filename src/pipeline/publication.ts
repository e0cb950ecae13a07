/**
 * What readers have seen: the record of the last publication (data/published.json),
 * built from the ledger. It holds every published figure's reader-facing fields and
 * every reader-facing string of the ledger under a text key, so the corrections rule
 * (./rules/corrections.ts) can tell what changed since, and which correction says so.
 *
 * Text keys are slash paths built from ids: `graphics/forces/title`,
 * `places/chukotka-coast/name`, `story/alaska/text`. A correction's `texts` entry
 * covers a key when it equals it or is a prefix ending at a slash (`story/alaska`).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { IsoDate, type Correction, type Figure, type Ledger, type LedgerFileName } from "../schema/ledger.ts";

type Path = (string | number)[];

/** Where a text key's string lives in the ledger. */
export interface TextEntry {
  text: string;
  file: LedgerFileName;
  path: Path;
}

/** Where a record (a key prefix such as `places/russia`) lives, for keys whose field is gone. */
export interface Anchor {
  file: LedgerFileName;
  path: Path;
}

export interface LedgerTexts {
  /** Every reader-facing string, by text key, in ledger order. */
  texts: Map<string, TextEntry>;
  /** Every record and list a key can fall under, by key prefix. */
  anchors: Map<string, Anchor>;
}

const joined = (lines: readonly string[]): string | undefined => (lines.length > 0 ? lines.join("\n") : undefined);

/** Every reader-facing string in the ledger, under its text key. */
export function ledgerTexts(ledger: Ledger): LedgerTexts {
  const texts = new Map<string, TextEntry>();
  const anchors = new Map<string, Anchor>();
  const text = (key: string, value: string | null | undefined, file: LedgerFileName, path: Path) => {
    if (value !== undefined && value !== null && value !== "") texts.set(key, { text: value, file, path });
  };
  const anchor = (key: string, file: LedgerFileName, path: Path) => anchors.set(key, { file, path });

  const g = ledger.graphics;
  anchor("graphics", "graphics.yaml", ["graphics"]);
  for (const [key, graphic] of Object.entries(g) as [string, { title: string; subtitle: string }][]) {
    const gp: Path = ["graphics", key];
    anchor(`graphics/${key}`, "graphics.yaml", gp);
    text(`graphics/${key}/title`, graphic.title, "graphics.yaml", [...gp, "title"]);
    text(`graphics/${key}/subtitle`, graphic.subtitle, "graphics.yaml", [...gp, "subtitle"]);
  }
  {
    const gp: Path = ["graphics", "exitRoutes"];
    const k = "graphics/exitRoutes";
    anchor(`${k}/periods`, "graphics.yaml", [...gp, "periods"]);
    g.exitRoutes.periods.forEach((p, i) => {
      anchor(`${k}/periods/${p.id}`, "graphics.yaml", [...gp, "periods", i]);
      text(`${k}/periods/${p.id}/label`, p.label, "graphics.yaml", [...gp, "periods", i, "label"]);
    });
    anchor(`${k}/cameras`, "graphics.yaml", [...gp, "cameras"]);
    g.exitRoutes.cameras.forEach((c, i) => {
      anchor(`${k}/cameras/${c.id}`, "graphics.yaml", [...gp, "cameras", i]);
      text(`${k}/cameras/${c.id}/label`, c.label, "graphics.yaml", [...gp, "cameras", i, "label"]);
      c.narrow?.insets.forEach((inset, j) => {
        const at = [...gp, "cameras", i, "narrow", "insets", j, "label"];
        text(`${k}/cameras/${c.id}/insets/${j}/label`, inset.label, "graphics.yaml", at);
      });
    });
  }
  {
    const gp: Path = ["graphics", "borderStops"];
    const k = "graphics/borderStops";
    text(`${k}/subject`, g.borderStops.subject, "graphics.yaml", [...gp, "subject"]);
    text(`${k}/axisLabel`, g.borderStops.axisLabel, "graphics.yaml", [...gp, "axisLabel"]);
    anchor(`${k}/annotations`, "graphics.yaml", [...gp, "annotations"]);
    g.borderStops.annotations.forEach((a, i) => {
      anchor(`${k}/annotations/${a.figure}`, "graphics.yaml", [...gp, "annotations", i]);
      text(`${k}/annotations/${a.figure}/text`, a.text, "graphics.yaml", [...gp, "annotations", i, "text"]);
    });
  }
  {
    const gp: Path = ["graphics", "forces"];
    const k = "graphics/forces";
    anchor(`${k}/sides`, "graphics.yaml", [...gp, "sides"]);
    g.forces.sides.forEach((side, i) => text(`${k}/sides/${i}`, side, "graphics.yaml", [...gp, "sides", i]));
    anchor(`${k}/groups`, "graphics.yaml", [...gp, "groups"]);
    g.forces.groups.forEach((group, i) => {
      const kp = `${k}/groups/${group.id}`;
      anchor(kp, "graphics.yaml", [...gp, "groups", i]);
      text(`${kp}/label`, group.label, "graphics.yaml", [...gp, "groups", i, "label"]);
      anchor(`${kp}/categories`, "graphics.yaml", [...gp, "groups", i, "categories"]);
      group.categories.forEach((c, j) => {
        const cp: Path = [...gp, "groups", i, "categories", j];
        anchor(`${kp}/categories/${c.id}`, "graphics.yaml", cp);
        text(`${kp}/categories/${c.id}/label`, c.label, "graphics.yaml", [...cp, "label"]);
        text(`${kp}/categories/${c.id}/caveat`, c.caveat, "graphics.yaml", [...cp, "caveat"]);
      });
    });
  }

  anchor("story", "story.yaml", []);
  text("story/title", ledger.story.title, "story.yaml", ["title"]);
  ledger.story.steps.forEach((s, i) => {
    const sp: Path = ["steps", i];
    anchor(`story/${s.id}`, "story.yaml", sp);
    text(`story/${s.id}/title`, s.title, "story.yaml", [...sp, "title"]);
    text(`story/${s.id}/text`, s.text, "story.yaml", [...sp, "text"]);
    text(`story/${s.id}/notes`, s.notes, "story.yaml", [...sp, "notes"]);
    text(`story/${s.id}/quote`, s.quote?.quote, "story.yaml", [...sp, "quote", "quote"]);
    text(`story/${s.id}/caveats`, joined(s.caveats), "story.yaml", [...sp, "caveats"]);
  });

  anchor("routes", "routes.yaml", ["routes"]);
  ledger.routes.forEach((r, i) => {
    anchor(`routes/${r.id}`, "routes.yaml", ["routes", i]);
    text(`routes/${r.id}/label`, r.label, "routes.yaml", ["routes", i, "label"]);
    text(`routes/${r.id}/notes`, joined(r.notes), "routes.yaml", ["routes", i, "notes"]);
  });
  anchor("events", "routes.yaml", ["events"]);
  ledger.events.forEach((e, i) => {
    anchor(`events/${e.id}`, "routes.yaml", ["events", i]);
    text(`events/${e.id}/label`, e.label, "routes.yaml", ["events", i, "label"]);
  });

  anchor("places", "places.yaml", ["places"]);
  ledger.places.forEach((p, i) => {
    anchor(`places/${p.id}`, "places.yaml", ["places", i]);
    text(`places/${p.id}/name`, p.name, "places.yaml", ["places", i, "name"]);
    text(`places/${p.id}/pointBasis`, p.pointBasis, "places.yaml", ["places", i, "pointBasis"]);
    text(`places/${p.id}/placement`, p.placement, "places.yaml", ["places", i, "placement"]);
  });
  anchor("stances", "places.yaml", ["stances"]);
  ledger.stances.forEach((s, i) => {
    anchor(`stances/${s.place}`, "places.yaml", ["stances", i]);
    text(`stances/${s.place}/who`, s.who, "places.yaml", ["stances", i, "who"]);
    text(`stances/${s.place}/notes`, joined(s.notes), "places.yaml", ["stances", i, "notes"]);
  });

  anchor("sources", "sources.yaml", ["sources"]);
  ledger.sources.forEach((s, i) => {
    anchor(`sources/${s.id}`, "sources.yaml", ["sources", i]);
    text(`sources/${s.id}/headline`, s.headline, "sources.yaml", ["sources", i, "headline"]);
    text(`sources/${s.id}/outlet`, s.outlet, "sources.yaml", ["sources", i, "outlet"]);
    text(`sources/${s.id}/published`, s.published, "sources.yaml", ["sources", i, "published"]);
  });
  return { texts, anchors };
}

/** Does a correction's `texts` entry cover this key? Equal, or a prefix ending at a slash. */
export function coversKey(entry: string, key: string): boolean {
  return key === entry || key.startsWith(entry.endsWith("/") ? entry : `${entry}/`);
}

/** A figure's reader-facing fields, as published. */
export const PublishedFigure = z.strictObject({
  value: z.number().nullable(),
  qualifier: z.string(),
  unit: z.string(),
  printed: z.string().nullable(),
  counts: z.string(),
  caveat: z.string().nullable(),
  notes: z.array(z.string()),
});
export type PublishedFigure = z.infer<typeof PublishedFigure>;

export const PUBLISHED_FIGURE_FIELDS = ["value", "qualifier", "unit", "printed", "counts", "caveat", "notes"] as const;

export function figureSnapshot(f: Figure): PublishedFigure {
  return {
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    printed: f.printed ?? null,
    counts: f.counts,
    caveat: f.caveat ?? null,
    notes: f.notes,
  };
}

/** data/published.json */
export const Published = z.strictObject({
  version: z.literal(1),
  /** The day of the publication (UTC). */
  date: IsoDate,
  /** Ids of the corrections already published. */
  corrections: z.array(z.string()),
  /** SHA-256 of each published correction as it was published (correctionHash): a published correction is not edited. */
  correctionHashes: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  figures: z.record(z.string(), PublishedFigure),
  texts: z.record(z.string(), z.string()),
});
export type Published = z.infer<typeof Published>;

export const PUBLISHED_FILE = "published.json";

/** SHA-256 of a correction's fields in a fixed order: what "not edited" is checked against. */
export function correctionHash(c: Correction): string {
  const canonical = JSON.stringify([c.id, c.date, c.change, c.reason, c.figures, c.texts]);
  return createHash("sha256").update(canonical).digest("hex");
}

const sortedRecord = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The publication record of the ledger as it is now. */
export function publicationRecord(ledger: Ledger, corrections: readonly Correction[], date: string): Published {
  return {
    version: 1,
    date,
    corrections: corrections.map((c) => c.id),
    correctionHashes: sortedRecord(corrections.map((c) => [c.id, correctionHash(c)])),
    figures: sortedRecord(ledger.figures.map((f) => [f.id, figureSnapshot(f)])),
    texts: sortedRecord([...ledgerTexts(ledger).texts].map(([k, e]) => [k, e.text])),
  };
}

/** Pretty-printed, keys in a fixed order: a publication's diff reads line by line. */
export function serialisePublished(p: Published): string {
  return JSON.stringify(p, null, 2) + "\n";
}
