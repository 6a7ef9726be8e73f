// Validators and a response cache for pages (decision 017).
//
// A page is a function of the database and the request, so its validator is the database's state —
// PRAGMA data_version (changes when another connection commits) with this connection's
// total_changes() (changes when this process writes) — plus a nonce per process start (both counters
// restart with the process) and the request's cookies (pages may show who is signed in). A matching
// If-None-Match gets a 304 before any page is built. Exports are not cached.
//
// The same state keys a cache of whole responses: the body of a 200 GET of a listing or detail page,
// by format and full URL (and the signed-in reviewer, whose name the header shows). Any write by any
// connection moves the state, and the first request that sees a new state empties the cache, so no
// page is ever answered from before a write. The CSRF token of a page's forms is the one part that
// differs per visitor: the page is built with a per-process placeholder in its place, and each answer
// (the first included) gets a fresh token, with its cookies, from the session's own function.
import { createHash, randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Statement } from "better-sqlite3";
import type { Db } from "../store/db";
import { formatOf } from "./respond";

const states = new WeakMap<Db, { version: Statement; changes: Statement }>();

export function databaseState(db: Db): string {
  let s = states.get(db);
  if (!s) states.set(db, (s = { version: db.prepare("PRAGMA data_version").pluck(), changes: db.prepare("SELECT total_changes()").pluck() }));
  return `${s.version.get() as number}.${s.changes.get() as number}`;
}

/** The pages whose answer depends only on the database, the URL and the reviewer (not the clock). */
const CACHEABLE = /^\/(?:|sources|sources\/\d+|people|people\/\d+|people\/search|quotes|claims|conflicts)$/;

export interface PageCacheOptions {
  /** characters of bodies kept at most (default 16 M); 0 turns the cache off */
  maxBytes?: number;
  /** a body larger than this is not kept (default 1 MB) */
  maxEntry?: number;
}

interface Entry {
  status: number;
  headers: [string, string | number | string[]][];
  body: string;
  /** the body holds the CSRF placeholder */
  csrf: boolean;
}

/** What a cache holds and did, for tests and the bench. */
export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** times a new database state emptied it */
  resets: number;
}

/** Headers a hit must not replay: the validator and length are the hit's own, cookies the session's. */
const OWN_HEADERS = new Set(["etag", "cache-control", "content-length", "set-cookie"]);

export function pageEtags(db: Db, options: PageCacheOptions = {}) {
  const nonce = randomBytes(6).toString("base64url");
  const placeholder = `csrf-${randomBytes(16).toString("base64url")}`;
  // WHOSAID_PAGE_CACHE=0 turns it off (the bench measures the pages both ways)
  const maxBytes = options.maxBytes ?? (process.env.WHOSAID_PAGE_CACHE === "0" ? 0 : 16 << 20);
  const maxEntry = options.maxEntry ?? 1 << 20;
  const cache = new Map<string, Entry>();
  const stats: PageCacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0, resets: 0 };
  let cachedState = "";

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const format = formatOf(res);
    if ((req.method !== "GET" && req.method !== "HEAD") || format === "csv" || req.query._all !== undefined) return next();
    let state: string;
    try {
      state = databaseState(db);
    } catch {
      return next(); // a broken database is the page's error to report
    }
    const cookies = req.get("cookie");
    const who = cookies ? createHash("sha256").update(cookies).digest("base64url").slice(0, 12) : "-";
    res.set("ETag", `W/"${nonce}-${state}-${format}-${who}"`);
    res.set("Cache-Control", "no-cache");
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (maxBytes <= 0 || req.method !== "GET" || !CACHEABLE.test(req.path)) return next();

    if (state !== cachedState) {
      if (cache.size) stats.resets++;
      cache.clear();
      stats.bytes = 0;
      cachedState = state;
    }
    const reviewer = res.locals.reviewer as { name: string; authorised?: boolean } | null | undefined;
    const key = `${format} ${reviewer ? JSON.stringify([reviewer.name, reviewer.authorised === true]) : "-"} ${req.originalUrl}`;
    const realCsrf = res.locals.csrf as (() => string) | undefined;
    const hit = cache.get(key);
    if (hit) {
      stats.hits++;
      // most recently used last, for the eviction below
      cache.delete(key);
      cache.set(key, hit);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.status(hit.status).send(hit.csrf ? withToken(hit.body, placeholder, realCsrf) : hit.body);
      return;
    }
    stats.misses++;
    // built with the placeholder; the answer (and the cache) gets the token swapped in below
    let used = false;
    if (typeof realCsrf === "function") {
      res.locals.csrf = () => {
        used = true;
        return placeholder;
      };
    }
    const before = new Set(Object.keys(res.getHeaders()));
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      if (typeof body !== "string") return send(body);
      if (res.statusCode === 200 && res.getHeader("set-cookie") === undefined && body.length <= maxEntry && state === cachedState) {
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => !before.has(name) && !OWN_HEADERS.has(name)) as Entry["headers"];
        cache.set(key, { status: 200, headers, body, csrf: used });
        stats.bytes += body.length;
        while (stats.bytes > maxBytes && cache.size) {
          const [oldest, e] = cache.entries().next().value as [string, Entry];
          cache.delete(oldest);
          stats.bytes -= e.body.length;
        }
      }
      stats.entries = cache.size;
      return send(used ? withToken(body, placeholder, realCsrf) : body);
    };
    next();
  };
  return Object.assign(middleware, { stats: () => ({ ...stats, entries: cache.size }) });
}

/** The page with the session's own CSRF token (and its cookies) in place of the placeholder. */
function withToken(body: string, placeholder: string, csrf: (() => string) | undefined): string {
  return body.replaceAll(placeholder, typeof csrf === "function" ? csrf() : "");
}
