// The route table and its thin handlers. Page data comes from src/web/pages.ts, writes from src/services.
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { Db } from "../store/db";
import { AppError } from "../errors";
import { prepareArticle, storeArticle, type IngestOptions, type IngestResult } from "../services/ingest";
import { multipartUpload, uploadRecords, type UploadedFile } from "../services/uploads";
import type { Extraction } from "../nlp/types";
import type { AsyncExtractor } from "../services/extract-pool";
import { MAX_OUTLET, MAX_TITLE, MAX_URL } from "../services/article-input";
import * as pages from "./pages";
import { parseId } from "./params";
import { formatOf, formats, reply } from "./respond";
import { exportLimiter, streamCsv, streamCsvTexts, streamJson, streamJsonText, type Exports, type RowSource } from "./export";
import {
  CLAIM_LISTING, PEOPLE_LISTING, QUOTE_LISTING, SOURCE_LISTING, keptClaimCounts, keptQuoteCounts, listingColumns, listingCount, listingRows, listingValues, type Listing,
} from "../store/listings";
import { parseClaimFilter, parsePeopleFilter, parseQuoteFilter, parseSourceFilter } from "./params";
import { parsePaging } from "./paging";
import { urls } from "./urls";
import { verifyFormUtf8, verifyUtf8 } from "./guards";
import type { Views } from "./views";
import { claimsView, conflictsView, homeView, peopleView, personView, quotesView, sourcesView, sourceView } from "./view-models";
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
  /** streamed exports allowed at once (503 past it) */
  exports?: Exports;
  log?: (err: unknown) => void;
}

const FORM_LIMITS = { title: MAX_TITLE, outlet: MAX_OUTLET, url: MAX_URL };

type Query = Record<string, unknown>;

/** `_all=1` on a listing's JSON: every row, streamed, in the page's shape. */
function wantsAll(query: Query, format: string): boolean {
  const v = query._all;
  if (v === undefined) return false;
  if (v !== "1" || format !== "json") throw new AppError(400, '_all: the only value is "1", on a list\'s .json', { _all: 'the only value is "1", on a list\'s .json' });
  return true;
}

export function routes({ db, views, ingest, extraction, security, exports: exportSlots = exportLimiter(), log = (e) => console.error(e) }: RouteOptions): Router {
  const r = Router();

  /**
   * The CSV twin, or `.json?_all=1`, of a listing: every row matching the filters, streamed. Returns
   * false for an ordinary page.
   */
  function exported<F, T extends object>(
    req: Request, res: Response, l: Listing<NoInfer<F>>, parse: (q: Query) => F & { match: string | null },
    csv: {
      file: string; columns: readonly string[]; read?: { columns: readonly string[]; verbatim: readonly number[] };
      /** the records as whole texts, each with its CRLF (for /quotes.csv: migration 80's records) */
      texts?: (f: F, sort: string) => RowSource<string>;
    },
    key: string, item: (row: T) => object, head: (f: F) => object,
    fast: { text?: (columns: readonly string[]) => ((values: readonly unknown[]) => string) | null; total?: (f: F) => number | null } = {},
  ): boolean {
    const format = formatOf(res);
    const all = wantsAll(req.query, format);
    if (format !== "csv" && !all) return false;
    const f = parse(req.query);
    const paging = parsePaging(req.query, format, l.sorts, l.defaultSort, f.match !== null);
    exportSlots.begin(res);
    if (format === "csv" && csv.texts) {
      streamCsvTexts(res, csv.file, csv.columns, csv.texts(f as F, paging.sort), log);
      return true;
    }
    if (format === "csv") {
      const read = csv.read;
      const values: RowSource<unknown[]> = (onRow, resume, stopped) =>
        listingValues(db, l, f, paging.sort, read?.columns ?? csv.columns, onRow, resume, stopped, read ? "csv" : "rows");
      streamCsv(res, csv.file, csv.columns, values, log, read);
      return true;
    }
    const top = { ...head(f), total: fast.total?.(f) ?? listingCount(db, l, f), sort: paging.sort };
    // rows as arrays turned into JSON text directly, when the listing knows how (the same bytes, no object per row)
    const columns = fast.text ? listingColumns(db, l, f) : [];
    const text = fast.text?.(columns) ?? null;
    if (text) {
      const values: RowSource<unknown[]> = (onRow, resume, stopped) => listingValues(db, l, f, paging.sort, columns, onRow, resume, stopped);
      streamJsonText(res, top, key, values, text, log);
      return true;
    }
    const rows: RowSource<T> = (onRow, resume, stopped) => listingRows<F, T>(db, l, f, paging.sort, onRow, resume, stopped);
    streamJson(res, top, key, rows, item, log);
    return true;
  }

  function home(_req: Request, res: Response): void {
    reply(views, res, { data: pages.homeData(db), page: "home", title: "Overview", nav: "home", html: homeView });
  }

  function sources(req: Request, res: Response): void {
    if (exported(req, res, SOURCE_LISTING, parseSourceFilter, { file: "sources.csv", columns: pages.SOURCE_CSV_COLUMNS }, "sources",
      pages.sourceItem, (f) => ({ filters: { q: f.q, outlet: f.outlet } }))) return;
    const data = pages.sourcesData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "sources", title: "Sources", nav: "sources", html: sourcesView });
  }

  function source(req: Request, res: Response): void {
    const data = pages.sourceData(db, parseId(req.params.id as string, "source"));
    reply(views, res, { data, page: "source", title: data.source.label, nav: "sources", html: sourceView });
  }

  function people(req: Request, res: Response): void {
    const parse = (q: Query) => ({ ...parsePeopleFilter(q), match: null });
    if (exported(req, res, PEOPLE_LISTING, parse, { file: "people.csv", columns: pages.PEOPLE_CSV_COLUMNS }, "people",
      pages.personItem, (f) => ({ filters: { q: f.q, kind: f.kind, outlet: f.outlet } }))) return;
    const data = pages.peopleData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "people", title: "People", nav: "people", html: peopleView });
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
    if (exported(req, res, QUOTE_LISTING, parseQuoteFilter, { file: "quotes.csv", columns: pages.QUOTE_CSV_COLUMNS, texts: (f, sort) => pages.quoteCsvTexts(db, f, sort) }, "quotes",
      pages.quoteItem, (f) => ({ filters: pages.quoteParams(f) }),
      { text: pages.quoteItemJson, total: (f) => keptQuoteCounts(db, f, [])?.total ?? null })) return;
    const data = pages.quotesData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "quotes", title: "Quotes", nav: "quotes", html: quotesView });
  }

  function claims(req: Request, res: Response): void {
    if (exported(req, res, CLAIM_LISTING, parseClaimFilter, { file: "claims.csv", columns: pages.CLAIM_CSV_COLUMNS }, "claims",
      pages.claimItem, (f) => ({ filters: pages.claimParams(f) }), { text: pages.claimItemJson, total: (f) => keptClaimCounts(db, f, [])?.total ?? null })) return;
    const data = pages.claimsData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "claims", title: "Claims", nav: "claims", html: (d) => claimsView(d, pages.claimReasons(db)) });
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
  /** The article records of a post: the pasted/JSON body, or an uploaded file's articles. */
  async function postedRecords(req: Request): Promise<Record<string, unknown>[]> {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const file = (req as Request & { file?: UploadedFile }).file;
    if (!file) return [body];
    if (typeof body.text === "string" && body.text.trim() !== "") {
      throw new AppError(400, "text: paste the text or upload a file, not both", { text: "paste the text or upload a file, not both" });
    }
    return uploadRecords(file, body, (html) => extraction.readHtml(html));
  }

  /**
   * Extraction runs in a worker thread (src/services/extract-pool.ts); only the short write happens
   * here. An upload's articles are all validated and extracted before any is stored, then stored in
   * one transaction: a bad line or a failed extraction stores none of them.
   */
  async function createSource(req: Request, res: Response): Promise<void> {
    const wantsJson = formatOf(res) === "json";
    if (req.body === undefined) {
      throw new AppError(415, "Send the article as a form (application/x-www-form-urlencoded or multipart/form-data) or as JSON.");
    }
    let results: IngestResult[];
    try {
      const records = await postedRecords(req);
      const prepared = records.map((rec, i) => {
        try {
          return prepareArticle(db, rec);
        } catch (e) {
          if (e instanceof AppError && records.length > 1) {
            const where = `line ${String(rec.line ?? i + 1)}`;
            throw new AppError(e.status, `file: ${where}: ${e.message}: nothing was stored`, { file: `${where}: ${e.message}` });
          }
          throw e;
        }
      });
      const extracted: (Extraction | null)[] = [];
      for (const p of prepared) extracted.push(p.existing !== undefined ? null : await extraction.extract(p.input.text));
      const storeAll = () =>
        prepared.map((p, i) => (p.existing !== undefined ? { id: p.existing, created: false } : storeArticle(db, p, extracted[i]!, extraction.version, ingest)));
      // several articles: one IMMEDIATE transaction (a deferred one could not take the write lock
      // from another writer without failing at once); one article: its own short transaction
      results = prepared.length === 1 ? storeAll() : db.transaction(storeAll).immediate();
    } catch (e) {
      if (e instanceof AppError && !wantsJson && e.status < 500) {
        return renderForm(res, (req.body ?? {}) as Record<string, unknown>, e);
      }
      throw e;
    }
    if (results.length > 1) {
      const sources = results.map((r) => ({ ...r, url: urls.source(r.id) }));
      if (wantsJson) res.status(sources.some((s) => s.created) ? 201 : 200).json({ sources });
      else res.redirect(303, urls.sources());
      return;
    }
    const result = results[0]!;
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
  r.get("/sources", all, sources);
  r.get("/sources/new", html, newSourceForm);
  r.get("/sources/:id", htmlJson, source);
  // multer, and the multipart text fields checked for UTF-8 by their bytes (src/services/uploads.ts)
  const upload = multipartUpload();
  const guarded = security.guard({ reviewer: false });
  // multer before the guard: a multipart form's CSRF field is in the body multer parses
  r.post("/sources", formats("html", "json"), answerInKind, ...bodies, upload, guarded, createSource);
  r.get("/people", all, people);
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
