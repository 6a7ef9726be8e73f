// createApp({ db }): the express app with views, routes, 404 and error handlers. It never listens
// (src/server.ts does), so tests drive it with supertest.
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import compression from "compression";
import type { Db } from "./store/db";
import { AppError, notFound } from "./errors";
import type { IngestOptions } from "./services/ingest";
import { ExtractPool, inProcess, type AsyncExtractor } from "./services/extract-pool";
import { STATIC_DIR } from "./paths";
import { routes } from "./web/routes";
import { splitFormat } from "./web/urls";
import { sendError } from "./web/respond";
import {
  DEFAULT_WRITE_LIMIT, hostCheck, loopbackHosts, methodNotAllowed, sameOrigin, validPath, writeRateLimit, type WriteLimit,
} from "./web/guards";
import { createViews, type Views } from "./web/views";
import { reviewRoutes } from "./web/review-routes";
import { createSecurity, type SecurityOptions } from "./web/session";
import { pageEtags, type PageCacheOptions } from "./web/cache";
import { exportLimiter } from "./web/export";

export interface AppOptions {
  db: Db;
  views?: Views;
  /** the extractor and clock used by POST /sources (tests inject fixtures) */
  ingest?: IngestOptions;
  /**
   * where POST /sources extracts: by default a shared worker pool started on first use (or, when
   * `ingest.extractor` is given, that extractor in process)
   */
  extraction?: AsyncExtractor;
  /** the Host headers answered (DNS rebinding); default: loopback names on any port */
  allowedHost?: (host: string) => boolean;
  /** writes per client address and window, or false for none (default 120 a minute) */
  writeLimit?: WriteLimit | false;
  /** where unexpected errors are reported (never to the user) */
  log?: (err: unknown) => void;
  /** who may write: the review token, whether the server is bound to a public address (src/web/session.ts) */
  security?: SecurityOptions;
  /** the clock of review events (tests inject a fixed one) */
  now?: () => Date;
  /** streamed exports (CSV, .json?_all=1) allowed at once; 503 past it (default 4) */
  maxExports?: number;
  /** the page cache's bounds (src/web/cache.ts); `{ maxBytes: 0 }` turns it off */
  pageCache?: PageCacheOptions;
}

/** Reads a ".json"/".csv" suffix into res.locals.format and routes the bare path. */
function formatSuffix(req: Request, res: Response, next: NextFunction): void {
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  const { path: bare, format } = splitFormat(path);
  res.locals.format = format;
  if (format !== "html") req.url = bare + (q === -1 ? "" : req.url.slice(q));
  // a JSON post hears its errors (403, 429, 405 …) in JSON too
  else if (req.method !== "GET" && req.method !== "HEAD" && req.is("application/json")) res.locals.format = "json";
  next();
}

/** multer's limits, in our wording. */
function fromUploadError(code: string): AppError {
  switch (code) {
    case "LIMIT_FILE_SIZE":
      return new AppError(413, "file: is too large (the limit is 2 MB)", { file: "is too large (the limit is 2 MB)" });
    case "LIMIT_FIELD_VALUE":
      return new AppError(413, "text: is too large (the limit is 2 MB)", { text: "is too large (the limit is 2 MB)" });
    case "LIMIT_FILE_COUNT":
    case "LIMIT_UNEXPECTED_FILE":
      return new AppError(400, "file: upload one file, in the field named file", { file: "upload one file, in the field named file" });
    default:
      return new AppError(413, "The form has too many fields or parts.");
  }
}

/** Errors from express's body parsers (and other http-errors), turned into AppErrors with our wording. */
function fromParserError(err: { type?: string; status?: number; code?: string; expose?: boolean }): AppError | null {
  switch (err.type) {
    case "entity.too.large":
      return new AppError(413, "text: is too large (the limit is 2 MB)", { text: "is too large (the limit is 2 MB)" });
    case "parameters.too.many":
      return new AppError(413, "The form has too many fields.");
    case "entity.parse.failed":
      return new AppError(400, "body: is not valid JSON", { body: "is not valid JSON" });
    case "encoding.invalid":
      return new AppError(400, "body: is not valid UTF-8 (send the text as UTF-8)", { body: "is not valid UTF-8" });
    case "charset.unsupported":
    case "encoding.unsupported":
      return new AppError(415, "Send the request body as UTF-8.");
    case "request.aborted":
      return new AppError(400, "The request body was cut off.");
    default:
      break;
  }
  // another writer (a bulk ingest regrouping at its end) held the database past the busy timeout
  if (typeof err.code === "string" && (err.code.startsWith("SQLITE_BUSY") || err.code.startsWith("SQLITE_LOCKED"))) {
    return new AppError(503, "The database is busy with another writer: nothing was stored. Try again in 5 seconds.", {}, { "Retry-After": "5" });
  }
  if ((err as { name?: string }).name === "MulterError") return fromUploadError(err.code ?? "");
  // busboy's words for a broken multipart body
  if (/^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/.test(String((err as { message?: string }).message))) {
    return new AppError(400, "body: is not a well-formed multipart form", { body: "is not a well-formed multipart form" });
  }
  if (typeof err.code === "string" && err.code.startsWith("Z_")) {
    return new AppError(400, "body: could not be decompressed (the Content-Encoding does not match the bytes)", { body: "could not be decompressed" });
  }
  // any other client error from express or the router (a malformed parameter, a bad length)
  if (typeof err.status === "number" && err.status >= 400 && err.status < 500 && err.expose !== false) {
    return new AppError(err.status, "The request could not be read.");
  }
  return null;
}

let sharedPool: ExtractPool | null = null;

/** The pool apps share when none is given (its idle threads never keep the process alive). */
function defaultExtraction(): AsyncExtractor {
  return (sharedPool ??= new ExtractPool());
}

export function createApp(options: AppOptions): express.Express {
  const views = options.views ?? createViews();
  const log = options.log ?? ((err: unknown) => console.error(err));
  const app = express();
  app.disable("x-powered-by");
  app.set("json escape", true);
  app.set("json spaces", 0);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      // the pages' own forms then carry their Origin (under no-referrer a browser sends Origin: null,
      // which sameOrigin refuses); other sites get no referrer
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use(formatSuffix);
  app.use(validPath);
  app.use(hostCheck(options.allowedHost ?? loopbackHosts));
  app.use("/static", compression(), express.static(STATIC_DIR, { index: false, maxAge: "1h" }));
  app.use(sameOrigin);
  if (options.writeLimit !== false) app.use(writeRateLimit(options.writeLimit ?? DEFAULT_WRITE_LIMIT));
  // the reviewer session and CSRF tokens (src/web/session.ts); the review routes come first, since
  // /people/search.json would otherwise be read as a person id
  const security = createSecurity(options.security);
  app.use(security.session);
  const pageCache = pageEtags(options.db, options.pageCache);
  app.locals.pageCache = pageCache;
  app.use(pageCache);
  // after the cache, which answers its hits with bytes compressed once (src/web/cache.ts)
  app.use(compression());
  const extraction = options.extraction ?? (options.ingest?.extractor ? inProcess(options.ingest.extractor) : defaultExtraction());
  const routers = [
    reviewRoutes({ db: options.db, views, security, now: options.now }),
    routes({ db: options.db, views, ingest: options.ingest, extraction, security, exports: exportLimiter(options.maxExports), log }),
  ];
  for (const r of routers) app.use(r);
  app.use(methodNotAllowed(routers));
  app.use((_req: Request, _res: Response, next: NextFunction) => next(notFound()));
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    let error = err instanceof AppError ? err : fromParserError(err as { type?: string });
    if (!error) {
      log(err);
      error = new AppError(500, "Something went wrong on our side. The error has been logged.");
    }
    sendError(views, res, error);
  });
  return app;
}
