// createApp({ db }): the express app with views, routes, 404 and error handlers. It never listens
// (src/server.ts does), so tests drive it with supertest.
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import type { Db } from "./store/db";
import { AppError, notFound } from "./errors";
import type { IngestOptions } from "./services/ingest";
import { STATIC_DIR } from "./paths";
import { routes } from "./web/routes";
import { splitFormat } from "./web/urls";
import { formatOf } from "./web/respond";
import { createViews, type Views } from "./web/views";
import { reviewRoutes } from "./web/review-routes";
import { createSecurity, SignInRequired, type SecurityOptions } from "./web/session";
import { StaleError } from "./services/review-quotes";
import { htmlSession } from "./web/respond";

export interface AppOptions {
  db: Db;
  views?: Views;
  /** the extractor and clock used by POST /sources (tests inject fixtures) */
  ingest?: IngestOptions;
  /** where unexpected errors are reported (never to the user) */
  log?: (err: unknown) => void;
  /** who may write: the review token, whether the server is bound to a public address (src/web/session.ts) */
  security?: SecurityOptions;
  /** the clock of review events (tests inject a fixed one) */
  now?: () => Date;
}

/** Reads a ".json"/".csv" suffix into res.locals.format and routes the bare path. */
function formatSuffix(req: Request, res: Response, next: NextFunction): void {
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  const { path: bare, format } = splitFormat(path);
  res.locals.format = format;
  if (format !== "html") req.url = bare + (q === -1 ? "" : req.url.slice(q));
  next();
}

/** Errors from express's body parsers, turned into AppErrors with our wording. */
function fromParserError(err: { type?: string; status?: number }): AppError | null {
  switch (err.type) {
    case "entity.too.large":
      return new AppError(413, "text: is too large (the limit is 2 MB)", { text: "is too large (the limit is 2 MB)" });
    case "parameters.too.many":
      return new AppError(413, "The form has too many fields.");
    case "entity.parse.failed":
      return new AppError(400, "body: is not valid JSON", { body: "is not valid JSON" });
    case "charset.unsupported":
    case "encoding.unsupported":
      return new AppError(415, "Send the request body as UTF-8.");
    default:
      return null;
  }
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
    }),
  );
  app.use("/static", express.static(STATIC_DIR, { index: false, maxAge: "1h" }));
  app.use(formatSuffix);
  const security = createSecurity(options.security);
  app.use(security.session);
  app.use(reviewRoutes({ db: options.db, views, security, now: options.now }));
  app.use(routes({ db: options.db, views, ingest: options.ingest, security }));
  app.use((_req: Request, _res: Response, next: NextFunction) => next(notFound()));
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    let error = err instanceof AppError ? err : fromParserError(err as { type?: string });
    if (!error) {
      log(err);
      error = new AppError(500, "Something went wrong on our side. The error has been logged.");
    }
    res.status(error.status);
    if (formatOf(res) !== "html") {
      res.json({
        error: error.message,
        ...(Object.keys(error.fields).length ? { fields: error.fields } : {}),
        ...(error instanceof SignInRequired ? { sign_in: error.signIn } : {}),
        ...(error instanceof StaleError ? { changes: error.changes } : {}),
      });
      return;
    }
    const session = htmlSession(res);
    res.type("html").send(
      views.render("error", {
        status: error.status, message: error.message, home: "/", sign_in: error instanceof SignInRequired ? error.signIn : null, ...session,
      }, { title: `Error ${error.status}`, nav: "", ...session }),
    );
  });
  return app;
}
