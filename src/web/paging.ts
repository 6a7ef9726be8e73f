// Keyset paging parameters of every listing: `_size` (rows per page, with a ceiling), `_sort` (one of
// the listing's sorts) and `_next` (an opaque token naming the last row of the previous page). The
// token is base64url JSON [sort, rows before this page, ...the last row's sort keys]; it is checked
// as hostile input: a token that does not fit this listing and sort is a 400, never a 500.
import { badRequest } from "../errors";
import type { KeyValue, NamedSort, PageQuery } from "../store/listings";
import type { Format } from "./urls";
import { single } from "./params";

export const PAGE_SIZE = 50;
/** HTML pages stay small whatever the corpus: at most this many rows */
export const MAX_HTML_PAGE = 100;
/**
 * At most this many statement groups on one HTML page (a person's page, /conflicts): a group block
 * holds up to 8 versions, about 5 KB at 22,250 articles, so 25 of them stay under 200 KB.
 */
export const MAX_HTML_GROUPS = 25;
/** JSON pages: at most this many rows (a whole export is `.csv` or `.json?_all=1`) */
export const MAX_JSON_PAGE = 1000;
const MAX_TOKEN = 2000;

type Query = Record<string, unknown>;

export interface Paging extends PageQuery {
  /** rows before this page */
  offset: number;
}


export function encodeToken(sort: string, offset: number, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([sort, offset, ...key]), "utf8").toString("base64url");
}

const BAD_TOKEN = 'is not a page token of this list (follow a "next" link, or leave it out for the first page)';

function decodeToken(raw: string, sortName: string, sort: NamedSort): { offset: number; after: KeyValue[] } {
  if (raw.length > MAX_TOKEN || !/^[A-Za-z0-9_-]+$/.test(raw)) throw badRequest("_next", BAD_TOKEN);
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badRequest("_next", BAD_TOKEN);
  }
  if (!Array.isArray(v) || typeof v[0] !== "string") throw badRequest("_next", BAD_TOKEN);
  if (v[0] !== sortName) throw badRequest("_next", `belongs to another sort than "${sortName}" (follow a "next" link of this page)`);
  if (v.length !== sort.keys.length + 2) throw badRequest("_next", BAD_TOKEN);
  const [, offset, ...after] = v as unknown[];
  if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) throw badRequest("_next", BAD_TOKEN);
  sort.keys.forEach((k, i) => {
    const x = after[i];
    const ok = k.type === "num" ? typeof x === "number" && Number.isFinite(x) : typeof x === "string" && x.length <= 1000;
    if (!ok) throw badRequest("_next", BAD_TOKEN);
  });
  return { offset, after: after as KeyValue[] };
}

/**
 * The paging of one listing request. `searching` offers (and defaults to) the relevance sort.
 * `limit`/`offset` are refused with a pointer to the parameters that replaced them.
 */
export function parsePaging(
  query: Query, format: Format, sorts: Readonly<Record<string, NamedSort>>, defaultSort: string, searching: boolean,
  defaultSize = PAGE_SIZE, maxHtml = MAX_HTML_PAGE,
): Paging {
  for (const old of ["limit", "offset"]) {
    if (query[old] !== undefined) throw badRequest(old, 'pages are now chosen with "_size" (rows per page) and "_next" (from a "next" link)');
  }
  const max = format === "html" ? maxHtml : MAX_JSON_PAGE;
  const rawSize = single(query, "_size");
  let size = Math.min(defaultSize, max);
  if (rawSize !== undefined) {
    if (!/^[0-9]{1,6}$/.test(rawSize) || Number(rawSize) < 1 || Number(rawSize) > max) {
      throw badRequest("_size", `must be a whole number from 1 to ${max}`);
    }
    size = Number(rawSize);
  }
  const offered = sortNames(sorts, searching);
  const sortName = single(query, "_sort") ?? (searching && sorts.rank ? "rank" : defaultSort);
  if (!offered.includes(sortName)) {
    throw badRequest("_sort", `must be one of ${offered.join(", ")}${sorts[sortName]?.search ? " (\"rank\" needs a search, q)" : ""}`);
  }
  const sort = sorts[sortName]!;
  const token = single(query, "_next");
  if (token === undefined) return { sort: sortName, size, after: null, offset: 0 };
  const { offset, after } = decodeToken(token, sortName, sort);
  return { sort: sortName, size, after, offset };
}

export function sortNames(sorts: Readonly<Record<string, NamedSort>>, searching: boolean): string[] {
  return Object.entries(sorts).filter(([, s]) => searching || !s.search).map(([k]) => k);
}
