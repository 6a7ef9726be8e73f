// GET /people/search.json?q=: the type-to-search behind speaker boxes (at most 10 people). Its own
// handler so other pages can reuse it without the review routes.
import type { Request, Response } from "express";
import type { Db } from "../store/db";
import { badRequest } from "../errors";
import { searchPeople } from "../store/people-search";
import { nameKey } from "../services/people";
import { urls } from "./urls";

export const SEARCH_LIMIT = 10;

export function peopleSearchHandler(db: Db) {
  return (req: Request, res: Response): void => {
    const raw = req.query.q;
    if (raw !== undefined && typeof raw !== "string") throw badRequest("q", "give this parameter once, as text");
    const q = (raw ?? "").trim();
    if (q.length > 100) throw badRequest("q", "is too long (at most 100 characters)");
    const key = nameKey(q);
    const people = key.length < 2 ? [] : searchPeople(db, key, SEARCH_LIMIT).map((p) => ({ ...p, href: urls.person(p.id) }));
    res.json({ q, people });
  };
}
