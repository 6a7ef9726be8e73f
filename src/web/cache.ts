// ETags for pages: a page is a function of the database and the request, so its validator is the
// database's state — PRAGMA data_version (changes when another connection commits) with this
// connection's total_changes() (changes when this process writes) — plus a nonce per process start
// (both counters restart with the process) and the request's cookies (pages may show who is signed
// in). A matching If-None-Match gets a 304 before any page is built. Exports are not cached.
import { createHash, randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Db } from "../store/db";
import { formatOf } from "./respond";

export function databaseState(db: Db): string {
  const version = db.pragma("data_version", { simple: true }) as number;
  const changes = (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
  return `${version}.${changes}`;
}

export function pageEtags(db: Db) {
  const nonce = randomBytes(6).toString("base64url");
  return (req: Request, res: Response, next: NextFunction): void => {
    const format = formatOf(res);
    if ((req.method !== "GET" && req.method !== "HEAD") || format === "csv" || req.query._all !== undefined) return next();
    let state: string;
    try {
      state = databaseState(db);
    } catch {
      return next(); // a broken database is the page's error to report
    }
    const cookies = req.get("cookie");
    const who = cookies ? createHash("sha256").update(cookies).digest("base64url").slice(0, 12) : "-";
    res.set("ETag", `W/"${nonce}-${state}-${format}-${who}"`);
    res.set("Cache-Control", "no-cache");
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    next();
  };
}
