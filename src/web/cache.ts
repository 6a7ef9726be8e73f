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
import zlib, { brotliCompressSync, deflateRawSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import type { Db } from "../store/db";
import { databaseState } from "../store/db-state";
import { formatOf } from "./respond";

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
  /** the body's UTF-8 bytes, cut where the CSRF placeholder stood (one part when it holds none) */
  parts: Buffer[];
  /** the body's length in UTF-8 bytes without the placeholders */
  length: number;
  /** made on first use: each part deflated on its own (gzip for every entry; brotli only without a token) */
  deflated?: Buffer[];
  /** CRC-32 of the first part (the rest follow the token, so are summed per answer) */
  crc0?: number;
  br?: Buffer;
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
const OWN_HEADERS = new Set(["etag", "cache-control", "content-length", "set-cookie", "content-encoding", "vary"]);
/** compression's own threshold: smaller bodies are sent as they are */
const COMPRESS_THRESHOLD = 1024;

export function pageEtags(db: Db, options: PageCacheOptions = {}) {
  const nonce = randomBytes(6).toString("base64url");
  const placeholder = `csrf-${randomBytes(16).toString("base64url")}`;
  // WHOSAID_PAGE_CACHE=0 turns it off (the bench measures the pages both ways)
  const maxBytes = options.maxBytes ?? (process.env.WHOSAID_PAGE_CACHE === "0" ? 0 : 16 << 20);
  const maxEntry = options.maxEntry ?? 1 << 20;
  const cache = new Map<string, Entry>();
  const stats: PageCacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0, resets: 0 };
  let cachedState = "";

  const size = (e: Entry): number => e.length + (e.deflated ? e.deflated.reduce((n, b) => n + b.length, 0) : 0) + (e.br?.length ?? 0);
  const evict = (): void => {
    while (stats.bytes > maxBytes && cache.size) {
      const [oldest, e] = cache.entries().next().value as [string, Entry];
      cache.delete(oldest);
      stats.bytes -= size(e);
    }
  };

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
      const before = size(hit);
      sendHit(req, res, hit, realCsrf);
      const after = size(hit);
      if (after !== before) {
        stats.bytes += after - before;
        evict();
      }
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
        const parts = (used ? body.split(placeholder) : [body]).map((t) => Buffer.from(t, "utf8"));
        const entry: Entry = { status: 200, headers, parts, length: parts.reduce((n, b) => n + b.length, 0) };
        cache.set(key, entry);
        stats.bytes += size(entry);
        evict();
      }
      stats.entries = cache.size;
      return send(used ? withToken(body, placeholder, realCsrf) : body);
    };
    next();
  };
  return Object.assign(middleware, { stats: () => ({ ...stats, entries: cache.size }) });
}

/**
 * A hit, written as bytes: identity, gzip or brotli as the request accepts (the compression
 * middleware sits after this one, so a hit pays for no compression of its own). A body with a CSRF
 * token is gzipped from its parts deflated once each, with the visitor's token between them as a
 * stored block (a deflate stream may hold any sequence of blocks; each part's compressor starts
 * afresh, so no part refers back across the token); the CRC is summed over the answer's bytes.
 */
function sendHit(req: Request, res: Response, e: Entry, csrf: (() => string) | undefined): void {
  for (const [name, value] of e.headers) res.setHeader(name, value);
  const token = e.parts.length > 1 ? Buffer.from(typeof csrf === "function" ? csrf() : "", "utf8") : null;
  const length = e.length + (token ? token.length * (e.parts.length - 1) : 0);
  let body: Buffer;
  const compressible = length >= COMPRESS_THRESHOLD && compressibleType(res.getHeader("content-type"));
  if (compressible) res.vary("Accept-Encoding");
  // brotli whenever it is accepted at all (smaller, and made once), else gzip
  const encoding = !compressible || (token !== null && token.length > 0xffff) ? "identity"
    : e.parts.length === 1 && req.acceptsEncodings("br") === "br" ? "br"
    : req.acceptsEncodings("gzip") === "gzip" ? "gzip" : "identity";
  if (encoding === "br") {
    body = (e.br ??= brotliCompressSync(e.parts[0]!, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: e.length } }));
  } else if (encoding === "gzip") {
    body = gzipParts(e, token);
  } else {
    body = token ? joinParts(e.parts, token) : e.parts[0]!;
  }
  if (encoding === "br" || encoding === "gzip") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.statusCode = e.status;
  res.end(body);
}

function joinParts(parts: Buffer[], token: Buffer): Buffer {
  const list: Buffer[] = [];
  parts.forEach((p, i) => {
    if (i) list.push(token);
    list.push(p);
  });
  return Buffer.concat(list);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

function gzipParts(e: Entry, token: Buffer | null): Buffer {
  const last = e.parts.length - 1;
  e.deflated ??= e.parts.map((p, i) => deflateRawSync(p, i === last ? {} : { finishFlush: zlib.constants.Z_FULL_FLUSH }));
  e.crc0 ??= zlib.crc32(e.parts[0]!);
  let crc = e.crc0;
  const list: Buffer[] = [GZIP_HEADER, e.deflated[0]!];
  let length = e.parts[0]!.length;
  for (let i = 1; i <= last; i++) {
    const t = token!;
    // a stored block: BFINAL 0, BTYPE 00 (the stream is byte-aligned after a full flush), LEN, NLEN
    list.push(Buffer.from([0, t.length & 0xff, t.length >> 8, ~t.length & 0xff, (~t.length >> 8) & 0xff]), t, e.deflated[i]!);
    crc = zlib.crc32(e.parts[i]!, zlib.crc32(t, crc));
    length += t.length + e.parts[i]!.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  list.push(trailer);
  return Buffer.concat(list);
}

/** The types the compression middleware compresses (compressible's text and JSON types). */
function compressibleType(type: string | number | string[] | undefined): boolean {
  return typeof type === "string" && /^(?:text\/|application\/(?:json|javascript|xml)\b)/i.test(type);
}

/** The page with the session's own CSRF token (and its cookies) in place of the placeholder. */
function withToken(body: string, placeholder: string, csrf: (() => string) | undefined): string {
  return body.replaceAll(placeholder, typeof csrf === "function" ? csrf() : "");
}
