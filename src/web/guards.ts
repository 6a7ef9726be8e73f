// Request guards in front of every route: a valid path, a Host this server answers to (DNS
// rebinding), writes only from this site's own pages, a rate limit on writes, and 405 with Allow for
// a known path asked with the wrong method. See docs/decisions/009-hostile-input-and-faults.md.
import { isUtf8 } from "node:buffer";
import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";
import type { NextFunction, Request, Response, Router } from "express";
import { rateLimit } from "express-rate-limit";
import { AppError } from "../errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * 400 for an address whose percent-encoding does not decode (malformed escapes, invalid UTF-8), in
 * the path or in any name or value of the query string: the query parser would otherwise keep a
 * broken escape as literal text ("%E0%A4%A" searched for as typed).
 */
export function validPath(req: Request, _res: Response, next: NextFunction): void {
  const q = req.url.indexOf("?");
  try {
    decodeURIComponent(q === -1 ? req.url : req.url.slice(0, q));
    if (q !== -1) for (const part of req.url.slice(q + 1).split(/[&=]/)) if (part.includes("%")) decodeURIComponent(part);
  } catch {
    return next(new AppError(400, "The address is malformed (a broken %-escape or invalid UTF-8)."));
  }
  next();
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

function hostName(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h === "::1" || h === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The Host headers a server bound to `boundHost`:`port` answers: the loopback names and the bound
 * address on that port, the machine's addresses when bound to every interface, and each configured
 * name (without a port: on the bound port; with one: exactly).
 */
export function hostAllowList(boundHost: string, port: () => number, extra: readonly string[] = []): (host: string) => boolean {
  const names = new Set<string>(LOOPBACK_NAMES);
  const bound = boundHost.includes(":") && !boundHost.startsWith("[") ? `[${boundHost}]` : boundHost;
  names.add(bound.toLowerCase());
  if (boundHost === "0.0.0.0" || boundHost === "::" || boundHost === "[::]") {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === "IPv6" ? `[${a.address.toLowerCase()}]` : a.address);
    }
  }
  const exact = new Set<string>();
  for (const e of extra) {
    const v = e.trim().toLowerCase();
    if (!v) continue;
    if (/:\d+$/.test(v) && !(v.includes("::") && !v.startsWith("["))) exact.add(v);
    else names.add(v.includes(":") && !v.startsWith("[") ? `[${v}]` : v);
  }
  return (host) => {
    const h = host.toLowerCase();
    if (exact.has(h)) return true;
    return h === `${hostName(h)}:${port()}` && names.has(hostName(h));
  };
}

/** Without a configured list (tests, embedding): loopback names on any port. */
export function loopbackHosts(host: string): boolean {
  return /:\d+$/.test(host) || !host.includes(":") ? LOOPBACK_NAMES.includes(hostName(host.toLowerCase())) : false;
}

/** 421 for a Host header the server does not answer to: a rebinding page names its own domain. */
export function hostCheck(allowed: (host: string) => boolean) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.get("host");
    if (host === undefined || !allowed(host)) {
      return next(new AppError(421, "This server does not answer to that host name. Use the address it printed on start."));
    }
    next();
  };
}

/**
 * Refuses a state-changing request that a browser says comes from elsewhere: Sec-Fetch-Site other
 * than same-origin (or none), an Origin that is not this host, and Origin: null (what a sandboxed
 * frame, a data: page or a no-referrer page sends). Requests without either header (scripts, curl)
 * pass; the pages here send Referrer-Policy same-origin, so their own forms carry their Origin.
 */
export function sameOrigin(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) return next();
  const site = req.get("sec-fetch-site");
  const origin = req.get("origin");
  const host = req.get("host");
  let foreign = site !== undefined && site !== "same-origin" && site !== "none";
  if (!foreign && origin !== undefined) {
    try {
      foreign = origin === "null" || new URL(origin).host !== host;
    } catch {
      foreign = true;
    }
  }
  next(foreign ? new AppError(403, "This change must come from a page of this site.") : undefined);
}

export interface WriteLimit {
  /** writes per client per window */
  limit: number;
  windowMs: number;
}

export const DEFAULT_WRITE_LIMIT: WriteLimit = { limit: 120, windowMs: 60_000 };

/** At most `limit` writes (non-GET requests) per client address per window; then 429 with Retry-After. */
export function writeRateLimit({ limit, windowMs }: WriteLimit) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    skip: (req) => SAFE.has(req.method),
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const wait = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      next(new AppError(429, `Too many changes from this address: try again in ${wait} seconds.`, {}, { "Retry-After": String(wait) }));
    },
  });
}

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** The methods the routers answer for a path (HEAD wherever GET), or [] for an unknown path. */
export function allowedMethods(routers: Router[], path: string): string[] {
  const methods = new Set<string>();
  for (const router of routers) {
    for (const layer of (router as unknown as { stack: RouteLayer[] }).stack) {
      if (!layer.route) continue;
      let hit = false;
      try {
        hit = layer.match(path);
      } catch {
        hit = false;
      }
      if (!hit) continue;
      for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== "_all") methods.add(m.toUpperCase());
    }
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** After the routes: a known path asked with another method is a 405 with Allow (express answers OPTIONS itself). */
export function methodNotAllowed(routers: Router[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const allowed = allowedMethods(routers, req.path);
    if (!allowed.length) return next();
    const allow = allowed.join(", ");
    next(new AppError(405, `${req.method} is not allowed here (allowed: ${allow}).`, {}, { Allow: allow }));
  };
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length;) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // the length and the range of the second byte (no overlong forms, no surrogates, ≤ U+10FFFF)
    let n: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) [n, lo, hi] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [n, lo, hi] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/**
 * The top-level key of a JSON object body whose value holds the first invalid UTF-8 byte, when it
 * is one of the forms' own fields; else "body". Reads only the valid prefix, as tokens.
 */
export function invalidJsonField(buf: Buffer): string {
  const bad = firstInvalidUtf8(buf);
  if (bad === -1) return "body";
  let depth = 0;
  let key: string | null = null;
  let last: string | null = null;
  for (let i = 0; i < bad; i++) {
    const c = buf[i]!;
    if (c === 0x22) {
      let j = i + 1;
      while (j < bad && buf[j] !== 0x22) j += buf[j] === 0x5c ? 2 : 1;
      // the bad byte is inside this string: a value of the current key, or a key itself
      if (j >= bad) return key !== null && (depth > 1 || last === null) && FORM_FIELDS.has(key) ? key : "body";
      last = buf.toString("utf8", i + 1, j);
      i = j;
    } else if (c === 0x3a && depth === 1) {
      key = last;
      last = null;
    } else if (c === 0x2c && depth === 1) {
      key = null;
      last = null;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return key !== null && FORM_FIELDS.has(key) ? key : "body";
}

/** body-parser `verify` for JSON: the raw bytes must be UTF-8; the 400 names the field that is not. */
export function verifyUtf8(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (isUtf8(buf)) return;
  const field = invalidJsonField(buf);
  const message = field === "body" ? "is not valid UTF-8 (send the text as UTF-8)" : "is not valid UTF-8 (send the text as UTF-8): nothing was stored";
  throw new AppError(400, `${field}: ${message}`, { [field]: message });
}

/** The bytes a form body's %-escapes and "+" stand for. */
export function formBytes(buf: Buffer): Buffer {
  const out = Buffer.allocUnsafe(buf.length);
  let n = 0;
  const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === 0x25 && i + 2 < buf.length) {
      const hi = hex(buf[i + 1]!);
      const lo = hex(buf[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c === 0x2b ? 0x20 : c;
  }
  return out.subarray(0, n);
}

/** the fields of the forms here that an encoding error names (any other is "body") */
const FORM_FIELDS = new Set(["text", "title", "outlet", "url", "published", "other", "alias", "name", "note", "reason", "speaker"]);

/** The first field of a urlencoded body whose name or value does not decode to UTF-8, or null. */
export function invalidFormField(buf: Buffer): string | null {
  let start = 0;
  while (start <= buf.length) {
    let end = buf.indexOf(0x26, start);
    if (end === -1) end = buf.length;
    const pair = buf.subarray(start, end);
    const eq = pair.indexOf(0x3d);
    const name = formBytes(eq === -1 ? pair : pair.subarray(0, eq));
    const value = eq === -1 ? Buffer.alloc(0) : formBytes(pair.subarray(eq + 1));
    if (!isUtf8(name) || !isUtf8(value)) {
      const n = isUtf8(name) ? name.toString("utf8") : "";
      return FORM_FIELDS.has(n) ? n : "body";
    }
    start = end + 1;
  }
  return null;
}

/**
 * body-parser `verify` for forms: what the %-escapes decode to must be UTF-8 (not stored as
 * "%FF%FE"). The 400 names the field (text, title, outlet …) when it is one of the forms' own.
 */
export function verifyFormUtf8(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (isUtf8(buf) && isUtf8(formBytes(buf))) return;
  const field = invalidFormField(buf) ?? "body";
  const message = field === "body" ? "is not valid UTF-8 (send the text as UTF-8)" : "is not valid UTF-8 (send the form as UTF-8): nothing was stored";
  throw new AppError(400, `${field}: ${message}`, { [field]: message });
}
