import assert from "node:assert/strict";
import { chartSvg, type ChartData } from "../../src/web/chart";

function data(people: number, sources: number): ChartData {
  return {
    title: "Statements <per> person",
    description: "A \"grid\" & more",
    people: Array.from({ length: people }, (_, i) => ({ id: i + 1, name: `<b>Person ${i}</b>`, href: `/people/${i + 1}` })),
    sources: Array.from({ length: sources }, (_, i) => ({ id: i + 1, label: `Source ${i} with a very long title indeed`, href: `/sources/${i + 1}` })),
    counts: Array.from({ length: people }, (_, r) => Array.from({ length: sources }, (_, c) => (r + c) % 3)),
    total: 1,
  };
}

describe("web: the statements chart (SVG)", () => {
  it("has a title and a description it is labelled by", () => {
    const svg = chartSvg(data(2, 2), "c1");
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    assert.ok(svg.includes('<title id="c1-title">Statements &lt;per&gt; person</title>'));
    assert.ok(svg.includes('<desc id="c1-desc">A &quot;grid&quot; &amp; more</desc>'));
  });

  it("escapes every label and clips long ones (the full text stays in a tooltip)", () => {
    const svg = chartSvg(data(1, 1), "c");
    assert.ok(!svg.includes("<b>"));
    assert.ok(svg.includes("&lt;b&gt;Person 0&lt;/b&gt;"));
    assert.ok(svg.includes("<title>Source 0 with a very long title indeed</title>Source 0 with a ver…"));
  });

  it("grows with rows and columns only (its size is bounded by the caps)", () => {
    const size = (svg: string) => /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);
    const [w1, h1] = size(chartSvg(data(1, 1), "a"));
    const [w8, h8] = size(chartSvg(data(8, 9), "b"));
    assert.ok(w8! > w1! && h8! > h1!);
    assert.ok(w8! < 800 && h8! < 400);
  });

  it("prints each non-zero count and no style attribute (the CSP allows none)", () => {
    const svg = chartSvg(data(2, 3), "x");
    assert.ok(!/ style=/.test(svg));
    assert.equal((svg.match(/<rect /g) ?? []).length, 6);
    assert.equal((svg.match(/text-anchor="middle"/g) ?? []).length, 4, "cells with 1 or 2 statements");
  });
});
