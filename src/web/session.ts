// Who may write, and proof that a write comes from one of our pages.
//
// - The reviewer session is a signed, HttpOnly, SameSite=Lax cookie holding the name a reviewer gave
//   on the sign-in form (and whether they gave the review token). Every review write names them.
// - Every state-changing request carries a CSRF token (csrf-csrf's double submit, tied to a random
//   session id cookie): forms send it as the hidden field `_csrf`, other callers as the X-CSRF-Token
//   header, obtained from GET /csrf.json.
// - Two kinds of caller need no CSRF token, since a browser cannot be made to send their request from
//   another site: a request with `Authorization: Bearer <review token>`, and a script on this machine
//   (a loopback peer sending no Origin, no Sec-Fetch-Site and no Cookie header: what curl sends, and
//   what no browser sends when posting from another page).
// - Bound to a non-loopback address, writes need the review token (`--review-token` or
//   WHOSAID_REVIEW_TOKEN): a sign-in that gave it, or the Bearer header. Without a token configured,
//   such a server is read-only. A token given on loopback is enforced too (a reverse proxy makes
//   every client look local). Read pages are always public.
// See docs/decisions/005-review-trail.md and the README.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import cookieParser from "cookie-parser";
import { doubleCsrf } from "csrf-csrf";
import { AppError } from "../errors";
import { checkReviewer } from "../services/review-quotes";

export interface SecurityOptions {
  /** the review token; required for writes when `publicBind` */
  token?: string | null;
  /** the server listens on a non-loopback address */
  publicBind?: boolean;
  /** the key that signs cookies (default: derived from the token, else random per process) */
  secret?: string;
}

export interface Reviewer {
  name: string;
  /** gave the review token at sign-in */
  authorised: boolean;
}

export const REVIEWER_COOKIE = "whosaid_reviewer";
export const SID_COOKIE = "whosaid_sid";
export const CSRF_COOKIE = "whosaid_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SESSION_HOURS = 12;

export const signInUrl = (next?: string): string => `/review/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`;

/** 401: the write needs a reviewer; the answer links to the sign-in form. */
export class SignInRequired extends AppError {
  constructor(message: string, readonly signIn: string) {
    super(401, message);
  }

  override get extra(): Readonly<Record<string, unknown>> {
    return { sign_in: this.signIn };
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(h);
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** A local path to go back to after a form (never another site). */
export function safeNext(raw: unknown, fallback: string): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f]/.test(raw)) return fallback;
  return raw;
}

export interface Security {
  /** cookie parsing, the reviewer, a lazy CSRF token for pages (res.locals.csrf()) */
  session: RequestHandler[];
  /** after the body parsers of a state-changing route; `reviewer` says the write must name one */
  guard(options: { reviewer: boolean; csrfOnly?: boolean }): RequestHandler;
  signIn(req: Request, res: Response, body: Record<string, unknown>): Reviewer;
  signOut(res: Response): void;
  /** what the sign-in form must ask for */
  needsToken: boolean;
  /** whether this server takes writes at all */
  writable: boolean;
  csrfToken(req: Request, res: Response): string;
}

type WithSid = Request & { whosaidSid?: string };

export function createSecurity(options: SecurityOptions = {}): Security {
  const token = options.token ? options.token : null;
  const publicBind = options.publicBind === true;
  const secret = options.secret
    ?? process.env.WHOSAID_SESSION_SECRET
    ?? (token ? createHmac("sha256", token).update("whosaid session").digest("hex") : randomBytes(32).toString("hex"));
  const writable = !publicBind || token !== null;
  const cookie = { httpOnly: true, sameSite: "lax" as const, path: "/" };

  const sidOf = (req: WithSid): string => {
    const signed = (req.signedCookies as Record<string, unknown> | undefined)?.[SID_COOKIE];
    return typeof signed === "string" ? signed : req.whosaidSid ?? "";
  };
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => sidOf(req),
    cookieName: CSRF_COOKIE,
    cookieOptions: { ...cookie, secure: false },
    getCsrfTokenFromRequest: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof field === "string" ? field : req.get(CSRF_HEADER);
    },
  });

  function csrfToken(req: WithSid, res: Response): string {
    if (!sidOf(req)) {
      req.whosaidSid = randomBytes(18).toString("base64url");
      res.cookie(SID_COOKIE, req.whosaidSid, { ...cookie, signed: true });
    }
    return generateCsrfToken(req, res);
  }

  function reviewerOf(req: Request): Reviewer | null {
    const raw = (req.signedCookies as Record<string, unknown> | undefined)?.[REVIEWER_COOKIE];
    if (!raw || typeof raw !== "object") return null;
    const r = raw as { n?: unknown; a?: unknown; e?: unknown };
    if (typeof r.n !== "string" || typeof r.e !== "number" || r.e < Date.now()) return null;
    return { name: r.n, authorised: r.a === true };
  }

  const readSession: RequestHandler = (req, res, next) => {
    res.locals.reviewer = reviewerOf(req);
    res.locals.csrf = () => csrfToken(req, res);
    // where the header's sign-in link brings the reviewer back to
    res.locals.signIn = signInUrl(req.method === "GET" ? safeNext(req.originalUrl, "") || undefined : undefined);
    next();
  };

  /** A credential a browser never sends by itself: the review token as a Bearer header. */
  function bearer(req: Request): boolean | null {
    const h = req.get("authorization");
    if (!h) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    return m !== null && token !== null && sameSecret(m[1]!, token);
  }

  /** curl or a script on this machine: a loopback peer, with none of the headers a browser adds. */
  function localScript(req: Request): boolean {
    const peer = req.socket.remoteAddress ?? "";
    return isLoopbackHost(peer) && req.get("origin") === undefined && req.get("sec-fetch-site") === undefined && req.get("cookie") === undefined;
  }

  function guard({ reviewer: needsReviewer, csrfOnly = false }: { reviewer: boolean; csrfOnly?: boolean }): RequestHandler {
    return (req: Request, res: Response, next: NextFunction): void => {
      const back = safeNext((req.body as Record<string, unknown> | undefined)?.next, "") || undefined;
      const b = bearer(req);
      if (b === false) return next(new AppError(401, "The Authorization header does not hold the review token."));
      const script = b === true || localScript(req);
      if (!script && !validateRequest(req)) {
        return next(new AppError(403, "This form is out of date or did not come from this site (its CSRF token is missing or wrong). Reload the page and try again."));
      }
      if (csrfOnly) return next();
      if (!writable) {
        return next(new AppError(403, "This server is read-only: it listens on a public address without a review token (start it with --review-token or WHOSAID_REVIEW_TOKEN)."));
      }
      const session = reviewerOf(req);
      // a configured token is enforced wherever the server listens (behind a reverse proxy every
      // client looks local); without one, only a public bind needs it (and then writes are off)
      if ((publicBind || token !== null) && b !== true && !session?.authorised) {
        return next(new SignInRequired("Writes on this server need a sign-in with the review token.", signInUrl(back)));
      }
      if (needsReviewer) {
        let name = session?.name ?? null;
        if (!name && script) {
          const given = (req.body as Record<string, unknown> | undefined)?.reviewer ?? req.get("x-reviewer");
          if (given !== undefined) {
            try {
              name = checkReviewer(given);
            } catch (e) {
              return next(e);
            }
          }
        }
        if (!name) return next(new SignInRequired("Sign in with your name first: every review names its reviewer.", signInUrl(back)));
        res.locals.actor = { reviewer: name };
      }
      next();
    };
  }

  function signIn(_req: Request, res: Response, body: Record<string, unknown>): Reviewer {
    const name = checkReviewer(body.name);
    let authorised = token === null;
    if (token !== null) {
      const given = typeof body.token === "string" ? body.token : "";
      if (!given) throw new AppError(400, "token: give the review token this server was started with", { token: "give the review token this server was started with" });
      if (!sameSecret(given, token)) throw new AppError(401, "token: is not the review token", { token: "is not the review token" });
      authorised = true;
    }
    const expires = Date.now() + SESSION_HOURS * 3600_000;
    res.cookie(REVIEWER_COOKIE, { n: name, a: authorised, e: expires }, { ...cookie, signed: true, maxAge: SESSION_HOURS * 3600_000 });
    return { name, authorised };
  }

  function signOut(res: Response): void {
    res.clearCookie(REVIEWER_COOKIE, cookie);
  }

  return {
    session: [cookieParser(secret), readSession],
    guard,
    signIn,
    signOut,
    needsToken: token !== null,
    writable,
    csrfToken,
  };
}
