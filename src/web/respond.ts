// One page data, three renderers: HTML (handlebars), JSON (the data as it is), CSV (rows).
import type { NextFunction, Request, Response } from "express";
import { notFound } from "../errors";
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
export function htmlSession(res: Response): { csrf: string; reviewer: { name: string } | null } {
  const make = res.locals.csrf as (() => string) | undefined;
  return { csrf: typeof make === "function" ? make() : "", reviewer: (res.locals.reviewer as { name: string } | null | undefined) ?? null };
}
