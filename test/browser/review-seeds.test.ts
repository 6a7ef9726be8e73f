// The review loop in a real browser, on a seed article with the real extractor: sign in, confirm one
// statement (keyboard), reject one, give one another speaker through the type-to-search, set one span
// by selecting words; reload and see all four with their history; re-extract under a new extractor
// version and see the verdicts kept; export /quotes.csv?review=confirmed. Saves screenshots of the
// source page, the queue and a person page at 1366 px (WHOSAID_SCREENSHOTS, default
// /tmp/whosaid-screenshots). Skips locally without chromium, fails on CI.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startServer, type Running } from "../../src/server";
import { DEFAULT_EXTRACTOR, reextractStale } from "../../src/services/ingest";
import { SEEDS_DIR } from "../../src/paths";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const SHOTS = process.env.WHOSAID_SCREENSHOTS ?? "/tmp/whosaid-screenshots";
const SOURCE = 2; // the TRT World seed article

interface QuoteJson { id: number; text: string; start: number; end: number; person_name: string | null; review_status: string; corrected: number }

describe("browser: the review loop on a seed article", function () {
  this.timeout(120_000);
  let dir: string;
  let running: Running;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async function () {
    if (process.env.CI !== "true" && !existsSync(CHROMIUM)) {
      console.warn("    browser test skipped: install chromium (apt-get install chromium) or set CI=true to run");
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), "whosaid-review-"));
    running = await startServer({ db: join(dir, "w.db"), port: 0, host: "127.0.0.1", ingestSeeds: true, seedsDir: SEEDS_DIR }, { log: () => {} });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await running?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const json = async <T>(path: string): Promise<T> => (await (await fetch(`${running.url}${path}`)).json()) as T;
  const statements = async (): Promise<QuoteJson[]> => (await json<{ quotes: QuoteJson[] }>(`/sources/${SOURCE}.json`)).quotes.sort((a, b) => a.start - b.start);
  const item = (n: number) => page.locator("li.statement").nth(n);

  it("confirms, rejects, re-attributes and re-spans four statements, and sees them after a reload", async () => {
    await page.goto(`${running.url}/review/sign-in?next=/sources/${SOURCE}`);
    await page.fill("#name", "Ann Editor");
    await Promise.all([page.waitForURL(new RegExp(`/sources/${SOURCE}$`)), page.click("form.sign-in button[type=submit]")]);
    assert.match((await page.textContent(".who-am-i")) ?? "", /Reviewing as Ann Editor/);
    const before = await statements();
    assert.ok(before.length >= 4, "the seed article has statements");
    const [first, second, third, fourth] = before as [QuoteJson, QuoteJson, QuoteJson, QuoteJson];
    assert.equal(await page.locator("ul.legend .swatch").count() > 1, true, "a legend of speaker colours");

    // 1: the first statement is current on load; "c" confirms it
    assert.match((await item(0).getAttribute("class")) ?? "", /\bcurrent\b/);
    // each form comes back to its statement's row: waiting for that exact URL cannot match the page before
    const back = (q: QuoteJson) => page.waitForURL(new RegExp(`/sources/${SOURCE}#row-q-${q.id}$`));
    await Promise.all([back(first), page.keyboard.press("c")]);
    await page.waitForSelector(`#row-q-${first.id}.st-confirmed`);

    // 2: reject with a reason, by its button
    await item(1).locator("select[name=reason]").selectOption("scare quote or title");
    await Promise.all([back(second), item(1).locator("button.reject").click()]);
    await page.waitForSelector(`#row-q-${second.id}.st-rejected`);

    // 3: another speaker through the type-to-search
    const box = item(2).locator(".speaker-search");
    const other = third.person_name === "Vladimir Putin" ? "Yuri Ushakov" : "Vladimir Putin";
    await box.click();
    await box.pressSequentially(other.split(" ")[1]!.slice(0, 4), { delay: 30 });
    const option = item(2).locator("ul.suggestions li", { hasText: other });
    await option.waitFor();
    await option.click();
    assert.equal(await box.inputValue(), other);
    assert.notEqual(await item(2).locator(".speaker-id").inputValue(), "", "the person's id is picked");
    await Promise.all([back(third), item(2).locator("button.speaker").click()]);
    await page.waitForSelector(`#row-q-${third.id} .status.corrected`);

    // 4: a span set by selecting words in the article (all but the first word of the statement)
    await item(3).locator(".num").click();
    const selected = await page.evaluate((id) => {
      const d = (globalThis as unknown as { document: any; window: any }).document;
      const mark = d.getElementById(`q-${id}`);
      const walker = d.createTreeWalker(mark, 4);
      const nodes: any[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const firstNode = nodes[0];
      const lastNode = nodes[nodes.length - 1];
      const skip = firstNode.nodeValue.search(/\s/) + 1;
      const range = d.createRange();
      range.setStart(firstNode, skip);
      // a direct quote's mark holds its closing quote mark: stop before it
      const tail = /[”"’]$/.test(lastNode.nodeValue) ? 1 : 0;
      range.setEnd(lastNode, lastNode.nodeValue.length - tail);
      const sel = (globalThis as any).getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      d.dispatchEvent(new (globalThis as any).MouseEvent("mouseup", { bubbles: true }));
      return sel.toString();
    }, fourth.id);
    const start = Number(await item(3).locator(".span-start").inputValue());
    const end = Number(await item(3).locator(".span-end").inputValue());
    assert.ok(start > fourth.start && end >= fourth.end - 1, `the selection set the span (${start}–${end} from ${fourth.start}–${fourth.end})`);
    await Promise.all([back(fourth), item(3).locator(".span-form button").click()]);

    await page.reload();
    const after = new Map((await statements()).map((q) => [q.id, q]));
    assert.equal(after.get(first.id)!.review_status, "confirmed");
    assert.equal(after.get(second.id)!.review_status, "rejected");
    assert.equal(after.get(third.id)!.person_name, other);
    assert.deepEqual([after.get(fourth.id)!.start, after.get(fourth.id)!.end, after.get(fourth.id)!.text], [start, end, selected], "the span is the selected words");
    assert.ok(start > fourth.start, "the span starts later");
    assert.ok(await page.locator(`#row-q-${first.id}.st-confirmed`).isVisible());
    assert.ok(await page.locator(`#row-q-${second.id}.st-rejected`).isVisible());
    assert.match((await page.textContent(`#row-q-${third.id} .who`)) ?? "", new RegExp(other));
    for (const [id, action] of [[first.id, "confirm"], [second.id, "reject: scare quote or title"], [third.id, "correct speaker"], [fourth.id, "correct span"]] as const) {
      await page.goto(`${running.url}/quotes/${id}`);
      assert.match((await page.textContent("ol.history")) ?? "", new RegExp(`Ann Editor\\s+${action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), `history of ${id}`);
      if (id === third.id) await page.screenshot({ path: join(SHOTS, "quote-page.png") });
    }
    await page.goto(`${running.url}/sources/${SOURCE}`);
    await page.screenshot({ path: join(SHOTS, "source-page.png") });
  });

  it("keeps every verdict after re-extraction by a new extractor version, and exports the confirmed rows", async () => {
    const old = await statements();
    const confirmed = old.filter((q) => q.review_status === "confirmed").map((q) => q.text);
    const report = reextractStale(running.db, { ...DEFAULT_EXTRACTOR, version: `${DEFAULT_EXTRACTOR.version}-next` });
    assert.equal(report.updated, 2);
    const now = await statements();
    assert.notDeepEqual(now.map((q) => q.id), old.map((q) => q.id), "new rows");
    const states = (qs: QuoteJson[]) => qs.map((q) => [q.text, q.person_name, q.review_status, q.corrected]);
    assert.deepEqual(states(now), states(old), "every verdict and correction carried over");
    await page.goto(`${running.url}/sources/${SOURCE}`);
    assert.match((await page.textContent(".meta-line")) ?? "", /-next/);
    assert.equal(await page.locator("li.statement.st-confirmed").count(), 1);
    assert.equal(await page.locator("li.statement.st-rejected").count(), 1);

    const csv = await (await fetch(`${running.url}/quotes.csv?review=confirmed`)).text();
    const rows = csv.trim().split("\r\n");
    assert.equal(rows.length, 2, "a header and the one confirmed statement");
    assert.ok(rows[1]!.includes("confirmed,Ann Editor"));
    assert.ok(confirmed.every((t) => csv.includes(t.slice(0, 30))));

    await page.goto(`${running.url}/review`);
    assert.ok(await page.locator("li.statement").first().isVisible());
    await page.keyboard.press("j");
    assert.match((await item(1).getAttribute("class")) ?? "", /\bcurrent\b/, "j moves to the next statement");
    await page.keyboard.press("?");
    assert.ok(await page.locator("#review-help").isVisible(), "? opens the help");
    await page.screenshot({ path: join(SHOTS, "queue-help.png") });
    await page.keyboard.press("Escape");
    await page.screenshot({ path: join(SHOTS, "queue.png") });

    const people = await json<{ people: { id: number; name: string }[] }>("/people.json");
    const kim = people.people.find((p) => p.name === "Kim Jong-un")!;
    await page.goto(`${running.url}/people/${kim.id}`);
    await page.screenshot({ path: join(SHOTS, "person-page.png") });
    assert.deepEqual(errors, [], "no console errors (a CSP violation would show here)");
  });
});
