// The route table and its thin handlers. Page data comes from src/web/pages.ts, writes from src/services.
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { Db } from "../store/db";
import { AppError } from "../errors";
import { prepareArticle, storeArticle, type IngestOptions } from "../services/ingest";
import type { AsyncExtractor } from "../services/extract-pool";
import { MAX_OUTLET, MAX_TITLE, MAX_URL } from "../services/article-input";
import * as pages from "./pages";
import { parseId, parsePeopleKind } from "./params";
import { formatOf, formats, reply } from "./respond";
import { toCsv } from "./csv";
import { urls } from "./urls";
import { verifyFormUtf8, verifyUtf8 } from "./guards";
import type { Views } from "./views";
import { claimsView, conflictsView, homeView, personView, quotesView, sourceView } from "./view-models";
import { mergePeople, splitAlias } from "../services/review";
import { MERGE_BODY, SPLIT_BODY, parseBody } from "./params";
import type { Security } from "./session";

/** Request bodies may be bigger than the 2 MB text limit (form encoding inflates text up to ninefold). */
export const BODY_LIMIT = "20mb";

export interface RouteOptions {
  db: Db;
  views: Views;
  ingest?: IngestOptions;
  /** where POST /sources extracts (a worker pool; tests wrap their fixture extractor) */
  extraction: AsyncExtractor;
  /** CSRF and write permission (src/web/session.ts) */
  security: Security;
}

const FORM_LIMITS = { title: MAX_TITLE, outlet: MAX_OUTLET, url: MAX_URL };

export function routes({ db, views, ingest, extraction, security }: RouteOptions): Router {
  const r = Router();

  function home(_req: Request, res: Response): void {
    reply(views, res, { data: pages.homeData(db), page: "home", title: "Overview", nav: "home", html: homeView });
  }

  function sources(_req: Request, res: Response): void {
    reply(views, res, { data: pages.sourcesData(db), page: "sources", title: "Sources", nav: "sources" });
  }

  function source(req: Request, res: Response): void {
    const data = pages.sourceData(db, parseId(req.params.id as string, "source"));
    reply(views, res, { data, page: "source", title: data.source.label, nav: "sources", html: sourceView });
  }

  function people(req: Request, res: Response): void {
    reply(views, res, { data: pages.peopleData(db, parsePeopleKind(req.query)), page: "people", title: "People", nav: "people" });
  }

  function renderPerson(req: Request, res: Response, id: number, error: AppError | null): void {
    const data = pages.personData(db, id, req.method === "GET" ? req.query : {}, formatOf(res));
    reply(views, res, {
      status: error?.status ?? 200, data, page: "person", title: data.person.name, nav: "people",
      html: (d) => personView(d, error),
    });
  }

  function person(req: Request, res: Response): void {
    renderPerson(req, res, parseId(req.params.id as string, "person"), null);
  }

  /** POST handlers of the person page: JSON answers JSON; a form gets a redirect back, or the page with the error. */
  function reviewAction(act: (id: number, body: Record<string, unknown>) => object) {
    return (req: Request, res: Response): void => {
      const id = parseId(req.params.id as string, "person");
      const body = (req.body ?? {}) as Record<string, unknown>;
      let result: object;
      try {
        result = act(id, body);
      } catch (e) {
        if (e instanceof AppError && e.status === 400 && formatOf(res) !== "json") return renderPerson(req, res, id, e);
        throw e;
      }
      if (formatOf(res) === "json") res.json({ ...result, url: urls.person(id) });
      else res.redirect(303, urls.person(id));
    };
  }

  const merge = reviewAction((id, body) => {
    const { other } = parseBody(MERGE_BODY, body);
    return mergePeople(db, id, Number(other));
  });

  const split = reviewAction((id, body) => {
    const { alias } = parseBody(SPLIT_BODY, body);
    return splitAlias(db, id, alias);
  });

  function quotes(req: Request, res: Response): void {
    const data = pages.quotesData(db, req.query, formatOf(res));
    reply(views, res, {
      data, page: "quotes", title: "Quotes", nav: "quotes", csvName: "quotes.csv",
      html: (d) => quotesView(d, pages.quoteFilterOptions(db)),
      csv: (d) => toCsv(pages.QUOTE_CSV_COLUMNS, d.quotes),
    });
  }

  function claims(req: Request, res: Response): void {
    const data = pages.claimsData(db, req.query, formatOf(res));
    reply(views, res, {
      data, page: "claims", title: "Claims", nav: "claims", csvName: "claims.csv",
      html: (d) => claimsView(d, pages.claimFilterOptions(db)),
      csv: (d) => toCsv(pages.CLAIM_CSV_COLUMNS, d.claims),
    });
  }

  function conflicts(req: Request, res: Response): void {
    const data = pages.conflictsData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "conflicts", title: "Conflicts", nav: "conflicts", html: conflictsView });
  }

  function renderForm(res: Response, values: Record<string, unknown>, error: AppError | null): void {
    const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
    reply(views, res, {
      status: error?.status ?? 200,
      data: {
        action: urls.sources(),
        values: { text: text("text"), title: text("title"), outlet: text("outlet"), url: text("url"), published: text("published") },
        error: error?.message ?? null,
        fields: error?.fields ?? {},
        limits: FORM_LIMITS,
      },
      page: "new-source", title: "Add an article", nav: "new",
    });
  }

  /** Before the body parsers, so their errors too answer JSON to a JSON post. */
  function answerInKind(req: Request, res: Response, next: NextFunction): void {
    if (req.is("application/json")) res.locals.format = "json";
    next();
  }

  function newSourceForm(_req: Request, res: Response): void {
    renderForm(res, {}, null);
  }

  /** Extraction runs in a worker thread (src/services/extract-pool.ts); only the short write happens here. */
  async function createSource(req: Request, res: Response): Promise<void> {
    const wantsJson = formatOf(res) === "json";
    if (req.body === undefined) {
      throw new AppError(415, "Send the article as a form (application/x-www-form-urlencoded) or as JSON.");
    }
    let result;
    try {
      const article = prepareArticle(db, req.body);
      result = article.existing !== undefined
        ? { id: article.existing, created: false }
        : storeArticle(db, article, await extraction.extract(article.input.text), extraction.version, ingest);
    } catch (e) {
      if (e instanceof AppError && !wantsJson && e.status < 500) {
        return renderForm(res, (req.body ?? {}) as Record<string, unknown>, e);
      }
      throw e;
    }
    const url = urls.source(result.id);
    if (wantsJson) {
      res.status(result.created ? 201 : 200).location(url).json({ ...result, url });
    } else {
      res.redirect(303, url);
    }
  }

  const html = formats("html");
  const htmlJson = formats("html", "json");
  const all = formats("html", "json", "csv");
  const bodies = [
    express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 20, verify: verifyFormUtf8 }),
    express.json({ limit: BODY_LIMIT, verify: verifyUtf8 }),
  ];

  r.get("/", htmlJson, home);
  r.get("/sources", htmlJson, sources);
  r.get("/sources/new", html, newSourceForm);
  r.get("/sources/:id", htmlJson, source);
  const guarded = security.guard({ reviewer: false });
  r.post("/sources", formats("html", "json"), answerInKind, ...bodies, guarded, createSource);
  r.get("/people", htmlJson, people);
  r.get("/people/:id", htmlJson, person);
  const small = [
    express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 10, verify: verifyFormUtf8 }),
    express.json({ limit: "16kb", verify: verifyUtf8 }),
  ];
  r.post("/people/:id/merge", htmlJson, answerInKind, ...small, guarded, merge);
  r.post("/people/:id/split", htmlJson, answerInKind, ...small, guarded, split);
  r.get("/quotes", all, quotes);
  r.get("/claims", all, claims);
  r.get("/conflicts", htmlJson, conflicts);
  return r;
}
