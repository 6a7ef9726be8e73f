// Every URL the app links to is built here (Datasette's url_builder). See ../shared/CONTRACT.md.

export type Format = "html" | "json" | "csv";

type Params = Record<string, string | number | boolean | null | undefined>;

function withFormat(path: string, format: Format): string {
  return format === "html" ? path : `${path}.${format}`;
}

/** A query string of the non-empty parameters, in the order given, with a leading "?" (or ""). */
export function queryString(params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "" || v === false) continue;
    qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export const urls = {
  home: (format: Format = "html") => (format === "html" ? "/" : `/index.${format}`),
  sources: (format: Format = "html") => withFormat("/sources", format),
  source: (id: number, format: Format = "html") => withFormat(`/sources/${id}`, format),
  newSource: () => "/sources/new",
  quoteInSource: (sourceId: number, quoteId: number) => `/sources/${sourceId}#q-${quoteId}`,
  claimInSource: (sourceId: number, claimId: number) => `/sources/${sourceId}#c-${claimId}`,
  people: (format: Format = "html") => withFormat("/people", format),
  person: (id: number, format: Format = "html", params: Params = {}) => withFormat(`/people/${id}`, format) + queryString(params),
  personMerge: (id: number) => `/people/${id}/merge`,
  personSplit: (id: number) => `/people/${id}/split`,
  quotes: (params: Params = {}, format: Format = "html") => withFormat("/quotes", format) + queryString(params),
  claims: (params: Params = {}, format: Format = "html") => withFormat("/claims", format) + queryString(params),
  conflicts: (params: Params = {}, format: Format = "html") => withFormat("/conflicts", format) + queryString(params),
  asset: (file: string) => `/static/${file}`,
  quote: (id: number, format: Format = "html") => withFormat(`/quotes/${id}`, format),
  quoteReview: (id: number) => `/quotes/${id}/review`,
  quoteCorrect: (id: number) => `/quotes/${id}/correct`,
  quoteUndo: (id: number) => `/quotes/${id}/undo`,
  claimReview: (id: number) => `/claims/${id}/review`,
  reviewQueue: (params: Params = {}, format: Format = "html") => withFormat("/review", format) + queryString(params),
  reviewConflicts: (format: Format = "html") => withFormat("/review/conflicts", format),
  resolveConflict: (reviewId: number) => `/review/conflicts/${reviewId}`,
  reviews: (params: Params = {}, format: Format = "html") => withFormat("/reviews", format) + queryString(params),
  signIn: () => "/review/sign-in",
  signOut: () => "/review/sign-out",
  peopleSearch: () => "/people/search.json",
};

/** Splits a ".json"/".csv" suffix off a request path: "/quotes.csv" → ["/quotes", "csv"]. "/.json" is the home page. */
export function splitFormat(path: string): { path: string; format: Format } {
  const m = /^(.*?)\.(json|csv)$/.exec(path);
  if (!m) return { path, format: "html" };
  let base = m[1]!;
  if (base === "" || base === "/" || base === "/index") base = "/";
  return { path: base, format: m[2] as Format };
}
