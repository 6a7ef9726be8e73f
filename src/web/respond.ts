// One page data, three renderers: HTML (handlebars), JSON (the data as it is), CSV (rows).
import type { NextFunction, Request, Response } from "express";
import { AppError, notFound } from "../errors";
import type { Views } from "./views";
import type { Format } from "./urls";

export function formatOf(res: Response): Format {
  return (res.locals.format as Format | undefined) ?? "html";
}

/** Route guard: the formats a page exists in; any other suffix is a 404. */
export function formats(...allowed: Format[]) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    next(allowed.includes(formatOf(res)) ? undefined : notFound());
  };
}

export interface Reply<T extends object> {
  data: T;
  page: string;
  title: string;
  nav: string;
  /** HTML model from the data, when the template needs more than the data */
  html?: (data: T) => object;
  /** CSV body from the data, for pages with a CSV twin */
  csv?: (data: T) => string;
  csvName?: string;
  status?: number;
}

export function reply<T extends object>(views: Views, res: Response, r: Reply<T>): void {
  const format = formatOf(res);
  res.status(r.status ?? 200);
  if (format === "json") {
    res.json(r.data);
  } else if (format === "csv") {
    if (!r.csv) throw notFound();
    res.type("text/csv; charset=utf-8");
    res.attachment(r.csvName ?? "export.csv");
    res.send(r.csv(r.data));
  } else {
    const session = htmlSession(res);
    res.type("html").send(views.render(r.page, { ...(r.html ? r.html(r.data) : r.data), ...session }, { title: r.title, nav: r.nav, ...session }));
  }
}

/** The reviewer and a CSRF token for the forms of an HTML page (src/web/session.ts puts them in res.locals). */
export function htmlSession(res: Response): { csrf: string; reviewer: { name: string } | null; sign_in_here?: string } {
  const make = res.locals.csrf as (() => string) | undefined;
  return {
    csrf: typeof make === "function" ? make() : "",
    reviewer: (res.locals.reviewer as { name: string } | null | undefined) ?? null,
    ...(typeof res.locals.signIn === "string" ? { sign_in_here: res.locals.signIn } : {}),
  };
}

/**
 * An error in the format the URL asked for: the HTML error page, JSON, or plain text for a .csv URL
 * (a spreadsheet opening an error must not see a one-row table). Never an empty body.
 */
export function sendError(views: Views, res: Response, error: AppError): void {
  res.status(error.status);
  for (const [name, value] of Object.entries(error.headers)) res.set(name, value);
  const format = formatOf(res);
  if (format === "json") {
    res.json({ error: error.message, ...(Object.keys(error.fields).length ? { fields: error.fields } : {}), ...error.extra });
  } else if (format === "csv") {
    res.type("text/plain; charset=utf-8").send(`Error ${error.status}: ${error.message}\n`);
  } else {
    const session = htmlSession(res);
    const signIn = typeof error.extra.sign_in === "string" ? error.extra.sign_in : null;
    res.type("html").send(
      views.render("error", { status: error.status, message: error.message, home: "/", sign_in: signIn, ...session }, { title: `Error ${error.status}`, nav: "", ...session }),
    );
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * The format a request the HTTP parser refused asked for, read from its request line (the bytes the
 * parser had: a request whose line came in an earlier packet has none, and hears plain text).
 */
export function rawRequestFormat(raw: Buffer | undefined): Format | "text" {
  if (!raw || !raw.length) return "text";
  const line = /^[A-Z]{3,10} (\/[^\s?#]{0,4096})[^\s]* HTTP\/1\.[01]\r?\n/.exec(raw.toString("latin1", 0, Math.min(raw.length, 4200)));
  if (!line) return "text";
  const m = /\.(json|csv)$/.exec(line[1]!);
  return m ? (m[1] as Format) : "html";
}

/**
 * A whole HTTP response for an error answered below express (431 for huge headers, 400 for bytes
 * that are not HTTP): a body in the format of the URL's suffix, as sendError answers, never empty.
 */
export function rawErrorResponse(status: number, reason: string, message: string, raw: Buffer | undefined): string {
  const format = rawRequestFormat(raw);
  const [type, body] =
    format === "json" ? ["application/json; charset=utf-8", JSON.stringify({ error: message })]
    : format === "html" ? ["text/html; charset=utf-8", `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Error ${status}</title></head>` +
        `<body><main><h1>Error ${status}</h1><p>${message.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)}</p><p><a href="/">Home</a></p></main></body></html>\n`]
    : ["text/plain; charset=utf-8", `Error ${status}: ${message}\n`];
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`;
}
