// End to end in a real browser: paste an article, land on its page, see the highlighted quote and
// its speaker, open the quotes page. Runs with Debian's chromium; skips locally without it, fails on CI.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startServer, type Running } from "../../src/server";
import { ARTICLE_A, FIXTURE_INGEST } from "../fixtures/corpus";
import { NORTHERN, VALLEY } from "../fixtures/comparison";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

describe("browser: reviewing an article", function () {
  this.timeout(60_000);
  let dir: string;
  let running: Running;
  let browser: Browser;

  before(async function () {
    if (process.env.CI !== "true" && !existsSync(CHROMIUM)) {
      console.warn("    browser test skipped: install chromium (apt-get install chromium) or set CI=true to run");
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), "whosaid-browser-"));
    running = await startServer(
      { db: join(dir, "w.db"), port: 0, host: "127.0.0.1", ingestSeeds: false, seedsDir: dir },
      { log: () => {}, app: { ingest: FIXTURE_INGEST, log: () => {} } },
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
    await running?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("pastes an article, shows its highlighted quotes with speakers, then lists them", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${running.url}/sources/new`);
    await page.fill("#text", ARTICLE_A.text);
    await page.fill("#title", ARTICLE_A.title);
    await page.fill("#outlet", ARTICLE_A.outlet);
    await page.fill("#published", ARTICLE_A.published);
    await Promise.all([page.waitForURL(/\/sources\/\d+$/), page.click("button[type=submit]")]);
    assert.match(page.url(), /\/sources\/1$/);
    assert.equal(await page.textContent("h1"), ARTICLE_A.title);

    const mark = page.locator("mark#q-2");
    assert.ok(await mark.isVisible(), "the direct quote is highlighted");
    assert.equal(await mark.textContent(), "\"We have the money, and we have the plan,\"", "a direct quote's mark holds its quote marks");
    assert.match((await mark.getAttribute("class")) ?? "", /\bquote\b.*\bdirect\b/);
    const background = await mark.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    assert.notEqual(background, "rgba(0, 0, 0, 0)", "the stylesheet loaded and colours the quote");
    const label = page.locator("mark#q-2 + a.chip");
    assert.ok(await label.isVisible(), "the speaker label follows the quote");
    assert.match((await label.textContent()) ?? "", /Mary-Ann Okafor/);

    await page.click("header nav >> text=Quotes");
    await page.waitForURL(/\/quotes$/);
    const rows = page.locator("table.quotes tbody tr");
    assert.equal(await rows.count(), 2);
    assert.ok(await page.locator("table.quotes >> text=We have the money, and we have the plan,").isVisible());
    assert.deepEqual(errors, [], "no console errors (a CSP violation would show here)");
    await page.close();
  });

  it("merges two records of one person from the person page, and the conflict they made goes away", async () => {
    for (const article of [NORTHERN, VALLEY]) {
      const res = await fetch(`${running.url}/sources`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(article) });
      assert.equal(res.status, 201);
    }
    const people = (await (await fetch(`${running.url}/people.json`)).json()) as { people: { id: number; name: string }[] };
    const yuri = people.people.find((p) => p.name === "Yuri Sokolov")!;
    const yury = people.people.find((p) => p.name === "Yury Sokolov")!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${running.url}/people/${yuri.id}`);
    assert.match((await page.textContent("table.compare tbody tr .label")) ?? "", /conflicting attribution/);
    assert.ok(await page.locator("svg.chart").isVisible(), "the chart is drawn");
    await page.selectOption("#merge-other", String(yury.id));
    await Promise.all([page.waitForURL(new RegExp(`/people/${yuri.id}$`)), page.click("#merge-form button[type=submit]")]);
    assert.equal(await page.textContent("h1"), "Yuri Sokolov");
    assert.ok(await page.locator(".alias >> text=Yury Sokolov").isVisible(), "the other spelling is now an alias");
    assert.match((await page.textContent("table.compare tbody tr .label")) ?? "", /identical/);
    assert.equal(await page.locator("table.compare thead th").count(), 3, "the statement column and both sources");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
