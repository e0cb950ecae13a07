/**
 * Caveats where the number is: wherever a caveated figure is drawn (explorer, embed,
 * slide), its marker is at the number and its note is on screen beside the graphic,
 * without a click; corrections show with what they affect.
 */
import { expect, test, type Locator } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { GRAPHIC_IDS } from "../../src/graphics/registry.ts";
import type {
  CaveatNote,
  CorrectionNote,
  ExitRoutesDataset,
  GraphicMeta,
  StoryDataset,
} from "../../src/schema/datasets.ts";
import { interactive } from "./support.ts";

const dataset = <T>(name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/data/${name}.json`), "utf8")) as T;
const metaOf = (id: string) => dataset<{ meta: GraphicMeta }>(id).meta;
const steps = dataset<StoryDataset>("story").steps;
const routes = dataset<ExitRoutesDataset>("exit-routes").routes;

/**
 * The notes a graphic prints: all its caveats; the map's, those of the numbers it draws
 * (its routes' figures) and of the points it placed (a figure-less note), and not those
 * of figures it shows only in a route's card.
 */
function printedCaveats(id: string): CaveatNote[] {
  const caveats = metaOf(id).caveats;
  if (id !== "exit-routes") return caveats;
  const drawn = new Set(routes.flatMap((r) => (r.figure ? [r.figure.id] : [])));
  return caveats.filter((c) => c.figures.length === 0 || c.figures.some((f) => drawn.has(f)));
}

/** Each caveat's note is visible under the graphic, and its marker at a visible number it is on. */
async function expectCaveatsAtTheirNumbers(graphic: Locator, caveats: readonly CaveatNote[]) {
  for (const c of caveats) {
    const note = graphic.locator(`[data-notes] li[data-caveat-marker="${c.marker}"]`);
    await expect(note, c.text).toBeVisible();
    await expect(note).toContainText(c.text);
    for (const id of c.figures) {
      // A chart number is a mark named for its figure; the map's are place labels.
      const drawn = graphic
        .locator(`.graphic__chart :is([data-figure="${id}"], svg text):visible`)
        .filter({ hasText: c.marker });
      expect(await drawn.count(), `${id} drawn with ${c.marker}`).toBeGreaterThan(0);
    }
  }
}

/** Corrections show as a visible line with the graphic, which opens to each one: what changed, and why. */
async function expectCorrectionsShown(scope: Locator, corrections: readonly CorrectionNote[]) {
  if (corrections.length === 0) return;
  const summary = scope.locator("[data-notes] .notes__corrections > summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Corrected");
  await summary.click();
  for (const c of corrections) {
    const correction = scope.locator(`[data-notes] [data-correction="${c.id}"]`);
    await expect(correction).toBeVisible();
    await expect(correction).toContainText(c.change);
    await expect(correction).toContainText(c.reason);
  }
}

for (const id of GRAPHIC_IDS) {
  test(`the ${id} embed shows each caveat by its number and its corrections, without a click`, async ({ page }) => {
    await page.goto(`/embed/${id}.html`);
    await interactive(page);
    const graphic = page.locator(`figure[data-graphic="${id}"]`);
    const meta = metaOf(id);
    // The map draws the numbers of the routes in view: its caveats are checked on the figures it labels.
    const printed = printedCaveats(id);
    // The map in its default view draws the counted routes' numbers; its placed points are checked below.
    await expectCaveatsAtTheirNumbers(
      graphic,
      printed.filter((c) => c.figures.length > 0),
    );
    for (const c of printed) await expect(graphic.locator(`li[data-caveat-marker="${c.marker}"]`)).toBeVisible();
    await expect(graphic.locator("[data-notes] li[data-caveat-marker]")).toHaveCount(printed.length);
    await expectCorrectionsShown(graphic, meta.corrections);
  });
}

test("the explorer shows every graphic's caveats and corrections, and the corrections log", async ({ page }) => {
  await page.goto("/");
  await interactive(page);
  for (const id of GRAPHIC_IDS) {
    const graphic = page.locator(`figure[data-graphic="${id}"]`);
    for (const c of printedCaveats(id))
      await expect(graphic.locator(`li[data-caveat-marker="${c.marker}"]`)).toContainText(c.text);
    await expectCorrectionsShown(graphic, metaOf(id).corrections);
  }
  const log = page.getByRole("region", { name: "Corrections" });
  const all = new Set(GRAPHIC_IDS.flatMap((id) => metaOf(id).corrections.map((c) => c.id)));
  for (const c of all) await expect(log.locator(`[data-correction="${c}"]`)).toBeVisible();
  await expect(page.getByRole("link", { name: "CSV" }).last()).toHaveAttribute("href", /figures\.csv$/);
});

test("the map marks the points we placed, on the map and in its table", async ({ page }) => {
  await page.goto("/embed/exit-routes.html?camera=bering-strait&period=mobilization");
  await interactive(page);
  const graphic = page.locator('figure[data-graphic="exit-routes"]');
  const placed = metaOf("exit-routes").caveats.filter((c) => c.text.startsWith("Point placed by us"));
  expect(placed.length).toBeGreaterThan(0);
  for (const c of placed) {
    await expect(
      graphic.locator(".graphic__chart svg text:visible").filter({ hasText: c.marker }).first(),
    ).toBeVisible();
    await expect(graphic.locator(`li[data-caveat-marker="${c.marker}"]`)).toBeVisible();
  }
  await graphic.getByRole("radio", { name: "Table" }).check();
  for (const c of placed) await expect(graphic.locator(".graphic__table").getByText(c.marker).first()).toBeVisible();
});

for (const step of steps) {
  test(`the "${step.id}" slide shows its notes, caveats, corrections and sources to the room`, async ({ page }) => {
    await page.goto(`/present.html?step=${step.id}`);
    await interactive(page);
    const slide = page.locator("article.slide.slide--current");
    const notes = slide.locator(".slide__notes");
    if (step.notes) await expect(notes.locator(".slide__note")).toBeVisible();
    for (const c of step.caveats) {
      const note = notes.locator("li", { hasText: c.text });
      await expect(note).toBeVisible();
      for (const id of c.figures)
        await expect(slide.locator(`.slide__body .story-figure[data-figure="${id}"]`)).toContainText(c.marker);
    }
    // One corrections line for the slide: the step's and its graphic's, in the band, none under the graphic.
    const corrections = [
      ...step.corrections,
      ...metaOf(step.graphic).corrections.filter((c) => !step.corrections.some((s) => s.id === c.id)),
    ];
    await expectCorrectionsShown(notes, corrections);
    await expect(slide.locator(".notes__corrections")).toHaveCount(corrections.length > 0 ? 1 : 0);
    for (const s of step.sources) await expect(notes.locator(".slide__sources")).toContainText(s.headline);
    // The graphic's own caveats for what it draws are under it.
    const graphicNotes = slide.locator(".slide__graphic [data-notes] li[data-caveat-marker]");
    if (step.graphic !== "exit-routes") await expect(graphicNotes).toHaveCount(metaOf(step.graphic).caveats.length);
  });
}

test("an exported image carries the graphic's subtitle, caveats, source and credit with its URL", async ({ page }) => {
  await page.goto("/embed/week-breakdown.html");
  await interactive(page);
  await page.getByText("Get the data").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "SVG image" }).click(),
  ]);
  const svg = readFileSync((await download.path())!, "utf8");
  const text = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)]
    .map((m) => m[1]!)
    .join(" ")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
  const meta = metaOf("week-breakdown");
  for (const expected of [meta.title, meta.subtitle, ...meta.caveats.map((c) => `${c.marker} ${c.text}`)])
    expect(text).toContain(expected);
  expect(text).toMatch(/Source: “/);
  expect(text).toMatch(/Leaving Russia in 2022 · http:\/\/127\.0\.0\.1:\d+\/embed\/week-breakdown\.html/);
});

test("the map's exported image carries its key: line widths, line styles, fills and the drawing note", async ({
  page,
}) => {
  await page.goto("/embed/exit-routes.html");
  await interactive(page);
  await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
  await page.getByText("Get the data").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "SVG image" }).click(),
  ]);
  const svg = readFileSync((await download.path())!, "utf8");
  const key = await page
    .locator("[data-export-legend]")
    .evaluate((el) => [...el.querySelectorAll("li, p")].map((e) => (e.textContent ?? "").trim()).filter(Boolean));
  expect(key).toEqual(expect.arrayContaining(["Route reported, no number reported", "100,000"]));
  const words = svg.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  for (const entry of key.filter((k) => k.length < 60)) expect(words, entry).toContain(`>${entry}</text>`);
  // The note under the key, wrapped: its words are all there.
  const note = key.find((k) => k.startsWith("Lines join"))!;
  const drawn = [...words.matchAll(/>([^<>]*)<\/text>/g)].map((m) => m[1]).join(" ");
  expect(drawn.replace(/\s+/g, " ")).toContain(note.replace(/\s+/g, " "));
  // The samples are drawn, painted: the width arrows in the route colour.
  expect(svg).toMatch(/<svg[^>]*x="0"[^>]*>[\s\S]*?fill:\s*rgb\(/);
});

test("PNG exports come at 1× and 2×, the same picture", async ({ page }) => {
  await page.goto("/embed/border-stops.html");
  await interactive(page);
  await page.getByText("Get the data").click();
  const size = async (name: RegExp) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    return { file: download.suggestedFilename(), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  };
  const one = await size(/^PNG image$/);
  const two = await size(/^PNG image, 2×/);
  expect(one.file).toBe("border-stops.png");
  expect(two.file).toBe("border-stops@2x.png");
  expect([two.width, two.height]).toEqual([one.width * 2, one.height * 2]);
  expect(one.width).toBeGreaterThan(300);
});
