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
