/**
 * A newsroom's article on another origin, with the embed code the explorer gives: the
 * graphic renders in its iframe from nginx, and embed-parent.js (from the app's origin)
 * grows the iframe from its initial height to the graphic's.
 */
import { expect, test } from "@playwright/test";
import { APP_URL, ARTICLE_GRAPHIC, ARTICLE_INITIAL_HEIGHT, ARTICLE_URL, NEWSROOM_ORIGIN } from "./nginxServer.ts";

test("an embed on another origin renders and its iframe grows to the graphic's height", async ({ page }) => {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));

  await page.setViewportSize({ width: 800, height: 900 });
  const article = await page.goto(ARTICLE_URL);
  // As served, the iframe is shorter than the graphic (embed-parent.js resizes it at once).
  expect(await article!.text()).toContain(`height="${ARTICLE_INITIAL_HEIGHT}"`);
  const iframe = page.locator("iframe[data-exodus-embed]");
  expect(await iframe.getAttribute("src")).toBe(`${APP_URL}embed/${ARTICLE_GRAPHIC}.html`);

  const frame = page.frameLocator("iframe[data-exodus-embed]");
  await expect(frame.locator(`[data-graphic=${ARTICLE_GRAPHIC}] svg`).first()).toBeVisible({ timeout: 30_000 });

  // The frame is cross-origin to the article: its document is the app's, from nginx.
  const embedFrame = page.frames().find((f) => f.url().startsWith(`${APP_URL}embed/`));
  expect(embedFrame, "the embed's frame").toBeDefined();
  expect(new URL(embedFrame!.url()).origin).not.toBe(NEWSROOM_ORIGIN);

  const sizes = async () => ({
    content: await embedFrame!.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
    iframe: Math.round((await iframe.boundingBox())?.height ?? 0),
  });
  await expect
    .poll(
      async () => {
        const s = await sizes();
        return s.iframe > ARTICLE_INITIAL_HEIGHT && Math.abs(s.iframe - s.content) <= 2;
      },
      { timeout: 15_000, message: "the iframe's height follows the graphic's" },
    )
    .toBe(true);
  const box = (await iframe.boundingBox())!;
  expect(Number(await iframe.getAttribute("height"))).toBeGreaterThan(ARTICLE_INITIAL_HEIGHT);

  // The text after the graphic moved down with it: the article reflowed around the embed.
  const after = await page.locator("#after").boundingBox();
  expect(after!.y).toBeGreaterThanOrEqual(box!.y + box!.height);

  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
  expect(requests).toContain(`${APP_URL}embed-parent.js`);
  const elsewhere = requests.filter(
    (u) => !u.startsWith(APP_URL) && !u.startsWith(`${NEWSROOM_ORIGIN}/`) && !/^(data|blob):/.test(u),
  );
  expect(elsewhere).toEqual([]);
});
