// A small chart drawn on the server: statements per person (rows) per source (columns) as a grid of
// shaded cells with their counts. Plain SVG markup, no script, no style attribute (the CSP forbids
// inline styles; presentation attributes are enough), every label escaped, size bounded by the caps
// on rows and columns. Accessible: role="img" with a title and a description, and the counts as text.
import { escapeHtml } from "./escape";

export interface ChartData {
  title: string;
  description: string;
  /** rows */
  people: { id: number; name: string; href: string }[];
  /** columns; the last may be "other sources" (id null) */
  sources: { id: number | null; label: string; href: string | null }[];
  /** counts[row][column] */
  counts: number[][];
  total: number;
}

export const CHART_MAX_PEOPLE = 8;
export const CHART_MAX_SOURCES = 8;

const CELL_W = 46;
const CELL_H = 26;
const LEFT = 190;
const TOP = 118;
/** room for the last rotated column label */
const RIGHT = 100;
const LABEL_CHARS = 24;

function clip(s: string, n = LABEL_CHARS): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

/** The SVG markup of a chart; `id` must be unique on the page (it names the title and description). */
export function chartSvg(data: ChartData, id: string): string {
  const rows = data.people.length;
  const cols = data.sources.length;
  const width = LEFT + cols * CELL_W + RIGHT;
  const height = TOP + rows * CELL_H + 10;
  // shade against the named sources only: the summed "other sources" column would wash the rest out
  const named = data.sources.map((s) => s.id !== null);
  const max = Math.max(1, ...data.counts.flatMap((row) => row.filter((_, c) => named[c])));
  const e = escapeHtml;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${e(id)}-title ${e(id)}-desc">`);
  out.push(`<title id="${e(id)}-title">${e(data.title)}</title>`);
  out.push(`<desc id="${e(id)}-desc">${e(data.description)}</desc>`);
  data.sources.forEach((s, c) => {
    const x = LEFT + c * CELL_W + CELL_W / 2;
    const label = `<text x="${x}" y="${TOP - 8}" transform="rotate(-40 ${x} ${TOP - 8})" font-size="11" fill="#5f6670"><title>${e(s.label)}</title>${e(clip(s.label, 20))}</text>`;
    out.push(s.href ? `<a href="${e(s.href)}">${label}</a>` : label);
  });
  data.people.forEach((p, r) => {
    const y = TOP + r * CELL_H;
    out.push(`<a href="${e(p.href)}"><text x="${LEFT - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end" font-size="12" fill="#1f5fa8"><title>${e(p.name)}</title>${e(clip(p.name))}</text></a>`);
    data.sources.forEach((s, c) => {
      const n = data.counts[r]?.[c] ?? 0;
      const x = LEFT + c * CELL_W;
      const level = Math.min(1, n / max);
      const shade = n ? (0.15 + 0.85 * level).toFixed(2) : "1";
      const fill = n ? "#1f5fa8" : "#f1f3f5";
      out.push(`<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="2" fill="${fill}" fill-opacity="${shade}"><title>${e(`${p.name} in ${s.label}: ${n} statement${n === 1 ? "" : "s"}`)}</title></rect>`);
      if (n) {
        const ink = level > 0.5 ? "#ffffff" : "#1d2024";
        out.push(`<text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" font-size="11" fill="${ink}">${n}</text>`);
      }
    });
  });
  out.push("</svg>");
  return out.join("");
}
