// The review routes: a statement's page, verdicts, corrections, undo, claim verdicts, the queue, the
// conflicts left by re-extraction, the trail export, sign-in. Every POST goes through the security
// guard (CSRF token, review token when public, a reviewer name) after its body parser.
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { Db } from "../store/db";
import { AppError } from "../errors";
import {
  correctQuote, resolveConflict, reviewClaim, reviewQuote, undoQuote, type Actor, type Outcome,
} from "../services/review-quotes";
import { parseId } from "./params";
import { formatOf, formats, reply } from "./respond";
import { toCsv } from "./csv";
import { urls } from "./urls";
import type { Views } from "./views";
import { queueData, quoteData, reviewConflictsData, reviewsData, REVIEW_CSV_COLUMNS } from "./review-pages";
import { queueView, quoteView, reviewConflictsView, reviewsView } from "./review-view-models";
import { safeNext, type Security } from "./session";
import { peopleSearchHandler } from "./people-search";
import { getQuote } from "../store/quotes";
import { getClaim } from "../store/claims";

export interface ReviewRouteOptions {
  db: Db;
  views: Views;
  security: Security;
  now?: () => Date;
}

/** Before the body parsers, so their errors too answer JSON to a JSON post. */
function answerInKind(req: Request, res: Response, next: NextFunction): void {
  if (req.is("application/json")) res.locals.format = "json";
  next();
}

export function reviewRoutes({ db, views, security, now }: ReviewRouteOptions): Router {
  const r = Router();
  const html = formats("html");
  const htmlJson = formats("html", "json");
  const all = formats("html", "json", "csv");
  const small = [express.urlencoded({ extended: false, limit: "32kb", parameterLimit: 30 }), express.json({ limit: "32kb" })];
  const write = (reviewer: boolean, csrfOnly = false) => [answerInKind, ...small, security.guard({ reviewer, csrfOnly })];
  const actor = (res: Response): Actor => ({ ...(res.locals.actor as Actor), now });

  function renderQuote(res: Response, id: number, error: AppError | null): void {
    const data = quoteData(db, id);
    reply(views, res, {
      status: error?.status ?? 200, data, page: "quote", title: `Statement ${id}`, nav: "review",
      html: (d) => quoteView(d, error),
    });
  }

  function quote(req: Request, res: Response): void {
    renderQuote(res, parseId(req.params.id as string, "statement"), null);
  }

  /** A write on a statement: JSON gets the outcome; a form a redirect (to `next`, else the statement), or the page with the error. */
  function quoteWrite(act: (id: number, body: Record<string, unknown>, actor: Actor) => Outcome) {
    return (req: Request, res: Response): void => {
      const id = parseId(req.params.id as string, "statement");
      const body = (req.body ?? {}) as Record<string, unknown>;
      let out: Outcome;
      try {
        out = act(id, body, actor(res));
      } catch (e) {
        if (e instanceof AppError && formatOf(res) !== "json" && e.status !== 404 && getQuote(db, id)) return renderQuote(res, id, e);
        throw e;
      }
      const url = out.item_id === null ? urls.reviewConflicts() : urls.quote(out.item_id);
      if (formatOf(res) === "json") res.json({ ...out, url });
      else res.redirect(303, safeNext(body.next, url));
    };
  }

  function claimWrite(req: Request, res: Response): void {
    const id = parseId(req.params.id as string, "claim");
    const body = (req.body ?? {}) as Record<string, unknown>;
    const out = reviewClaim(db, id, body, actor(res));
    const c = getClaim(db, id);
    const url = c ? urls.claimInSource(c.source_id, c.id) : urls.claims();
    if (formatOf(res) === "json") res.json({ ...out, url });
    else res.redirect(303, safeNext(body.next, url));
  }

  function resolve(req: Request, res: Response): void {
    const id = parseId(req.params.id as string, "review");
    const body = (req.body ?? {}) as Record<string, unknown>;
    const out = resolveConflict(db, id, body, actor(res));
    const url = out.item_id === null ? urls.reviewConflicts() : urls.quote(out.item_id);
    if (formatOf(res) === "json") res.json({ ...out, url });
    else res.redirect(303, safeNext(body.next, urls.reviewConflicts()));
  }

  function queue(req: Request, res: Response): void {
    const data = queueData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "review", title: "Review queue", nav: "review", html: (d) => queueView(d, db) });
  }

  function conflicts(req: Request, res: Response): void {
    const data = reviewConflictsData(db, req.query, formatOf(res));
    reply(views, res, { data, page: "review-conflicts", title: "Review conflicts", nav: "review", html: reviewConflictsView });
  }

  function reviews(req: Request, res: Response): void {
    const data = reviewsData(db, req.query, formatOf(res));
    reply(views, res, {
      data, page: "reviews", title: "Review trail", nav: "review", csvName: "reviews.csv", html: reviewsView,
      csv: (d) => toCsv(REVIEW_CSV_COLUMNS, d.events),
    });
  }

  function renderSignIn(req: Request, res: Response, error: AppError | null, name = ""): void {
    reply(views, res, {
      status: error?.status ?? 200,
      data: {
        action: urls.signIn(), next: safeNext(req.method === "GET" ? req.query.next : (req.body as Record<string, unknown> | undefined)?.next, "/review"),
        needs_token: security.needsToken, writable: security.writable, name,
        error: error?.message ?? null, fields: error?.fields ?? {},
      },
      page: "sign-in", title: "Sign in to review", nav: "review",
    });
  }

  function signInForm(req: Request, res: Response): void {
    renderSignIn(req, res, null, (res.locals.reviewer as { name: string } | null)?.name ?? "");
  }

  function signIn(req: Request, res: Response): void {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const who = security.signIn(req, res, body);
      if (formatOf(res) === "json") res.json({ reviewer: who.name, authorised: who.authorised });
      else res.redirect(303, safeNext(body.next, "/review"));
    } catch (e) {
      if (e instanceof AppError && formatOf(res) !== "json") return renderSignIn(req, res, e, typeof body.name === "string" ? body.name : "");
      throw e;
    }
  }

  function signOut(req: Request, res: Response): void {
    security.signOut(res);
    if (formatOf(res) === "json") res.json({ reviewer: null });
    else res.redirect(303, safeNext((req.body as Record<string, unknown> | undefined)?.next, "/"));
  }

  function csrf(req: Request, res: Response): void {
    res.json({ token: security.csrfToken(req, res), header: "X-CSRF-Token", field: "_csrf" });
  }

  r.get("/csrf", formats("json"), csrf);
  r.get("/people/search", formats("json"), peopleSearchHandler(db));
  r.get("/quotes/:id", htmlJson, quote);
  r.post("/quotes/:id/review", htmlJson, ...write(true), quoteWrite((id, b, a) => reviewQuote(db, id, b, a)));
  r.post("/quotes/:id/correct", htmlJson, ...write(true), quoteWrite((id, b, a) => correctQuote(db, id, b, a)));
  r.post("/quotes/:id/undo", htmlJson, ...write(true), quoteWrite((id, b, a) => undoQuote(db, id, b, a)));
  r.post("/claims/:id/review", htmlJson, ...write(true), claimWrite);
  r.get("/review", htmlJson, queue);
  r.get("/review/conflicts", htmlJson, conflicts);
  r.post("/review/conflicts/:id", htmlJson, ...write(true), resolve);
  r.get("/reviews", all, reviews);
  r.get("/review/sign-in", html, signInForm);
  r.post("/review/sign-in", htmlJson, ...write(false, true), signIn);
  r.post("/review/sign-out", htmlJson, ...write(false, true), signOut);
  return r;
}
