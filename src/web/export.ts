// Streamed exports: every row of a listing, read in runs with better-sqlite3's .iterate() and written
// as it comes, so the server's memory stays flat whatever the row count. CSV is formatted by
// src/web/csv.ts in chunks of about 64 KB; JSON is written piece by piece. Both wait for 'drain' when the client
// (or the compressor in front of it) is full, and stop when the client goes away. A limit on exports
// running at once answers 503 past it.
import type { Response } from "express";
import { AppError } from "../errors";
import { csvHeader, csvRecordOfValues, csvRecordWithVerbatim } from "./csv";

/** Reads rows into `onRow` until it returns false, awaits `resume`, goes on; stops when `stopped`. */
export type RowSource<T> = (onRow: (row: T) => boolean, resume: () => Promise<void>, stopped: () => boolean) => Promise<number>;

export const DEFAULT_MAX_EXPORTS = 4;
/**
 * What an export may write past the response's own buffer before it waits for the client. Pending
 * writes that live through two scavenges are promoted and pile up in the old space until a full
 * collection, so the allowance sets the peak RSS; each wait also ends a run of rows, and the next run
 * restarts its query. JSON (124 MB at 22,250 articles) keeps 256 KB: at 1 MB its peak RSS was
 * 166-184 MB, at 256 KB and at 64 KB 122-124 MB (64 KB restarts its runs four times as often, for no
 * memory). CSV (36 MB) keeps 1 MB: a
 * run of its query (the cells' joins) restarts in about 0.5 ms, 557 restarts at 64 KB (+0.3 s of CPU),
 * and its peak RSS is 125 MB at 1 MB (decision 026).
 */
const JSON_BYTES_BUFFERED = 1 << 18;
const CSV_BYTES_BUFFERED = 1 << 20;

export interface Exports {
  /** takes a slot or throws 503; the slot is released when the response ends or the client leaves */
  begin(res: Response): void;
  readonly running: number;
}

export function exportLimiter(max: number = DEFAULT_MAX_EXPORTS): Exports {
  let running = 0;
  return {
    begin(res) {
      if (running >= max) {
        res.set("Retry-After", "10");
        throw new AppError(503, `Too many exports are running (at most ${max} at once); try again in a few seconds.`);
      }
      running++;
      let done = false;
      const release = () => {
        if (!done) {
          done = true;
          running--;
        }
      };
      res.once("close", release);
      res.once("finish", release);
    },
    get running() {
      return running;
    },
  };
}

/** Resolves on the emitter's 'drain', or when the response closes (the client left). */
function drained(target: NodeJS.EventEmitter, res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      target.off("drain", done);
      res.off("close", done);
      resolve();
    };
    target.once("drain", done);
    res.once("close", done);
  });
}

/** JSON as express's res.json sends it here ("json escape"): <, > and & as \u escapes. */
function json(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function gone(res: Response): boolean {
  return res.destroyed || res.writableEnded;
}

function fail(res: Response, log: (e: unknown) => void, e: unknown): void {
  log(e);
  // the status line is gone: cutting the connection is the only way to say the file is incomplete
  res.destroy(e instanceof Error ? e : new Error(String(e)));
}

/** characters of an export gathered before one write: big writes, few calls into the stream machinery */
const CSV_CHUNK = 1 << 16;

/**
 * Gathers pieces into writes of about 64 KB (big writes, few calls into the stream machinery).
 * `push` says whether the source may go on: false once more than `allowance` bytes were written past a
 * full response (a compressor hides its buffer from writableLength); `drain` waits for the client.
 */
function chunkedWriter(res: Response, first: string, allowance: number) {
  let buf = first;
  let over = 0;
  return {
    push(piece: string): boolean {
      buf += piece;
      if (buf.length < CSV_CHUNK) return true;
      const s = buf;
      buf = "";
      if (res.write(s) && over === 0) return true;
      over += s.length;
      return over < allowance;
    },
    async drain(): Promise<void> {
      await drained(res, res);
      over = 0;
    },
    /** what is still gathered */
    rest(): string {
      return buf;
    },
  };
}

/**
 * Streams rows as a CSV attachment (src/web/csv.ts). Rows arrive as arrays of values in column order
 * (`.raw()` rows), are formatted into one string of about 64 KB at a time, and each such chunk is one
 * write; when a write says the response is full the run of rows ends and the next waits for 'drain'.
 */
export function streamCsv(
  res: Response, file: string, columns: readonly string[], rows: RowSource<unknown[]>, log: (e: unknown) => void,
  read?: { columns: readonly string[]; verbatim: readonly number[] },
): void {
  const n = (read?.columns ?? columns).length;
  const record = read ? csvRecordWithVerbatim(n, read.verbatim) : (values: unknown[]) => csvRecordOfValues(values, n);
  streamCsvPieces(res, file, columns, rows, record, log);
}

/**
 * Streams a CSV attachment whose records arrive as texts, each a whole record with its CRLF (for
 * /quotes.csv, the records migration 80 keeps): gathered into writes of about 64 KB as they are.
 */
export function streamCsvTexts(res: Response, file: string, columns: readonly string[], rows: RowSource<string>, log: (e: unknown) => void): void {
  streamCsvPieces(res, file, columns, rows, (text) => text, log);
}

/** The one CSV writer: each row becomes its record's text by `record`, gathered into writes of about 64 KB. */
function streamCsvPieces<R>(res: Response, file: string, columns: readonly string[], rows: RowSource<R>, record: (row: R) => string, log: (e: unknown) => void): void {
  res.status(200).type("text/csv; charset=utf-8").attachment(file);
  const out = chunkedWriter(res, csvHeader(columns), CSV_BYTES_BUFFERED);
  rows(
    (row) => out.push(record(row)),
    () => out.drain(),
    () => gone(res),
  )
    .then(() => {
      if (gone(res)) return;
      // written, then ended: an export is always streamed (chunked, compressed when asked), however short
      const rest = out.rest();
      if (rest !== "") res.write(rest);
      res.end();
    })
    .catch((e) => fail(res, log, e));
}

/** streamJson of rows given as `.raw()` arrays, each turned into its JSON text by `text` (escaped here as json() escapes). */
export function streamJsonText(
  res: Response, head: object, key: string, rows: RowSource<unknown[]>, text: (values: unknown[]) => string, log: (e: unknown) => void,
): void {
  streamJsonPieces(res, head, key, rows, (values) => {
    const t = text(values);
    return ESCAPED.test(t) ? t.replace(ESCAPES, escape) : t;
  }, log);
}

const ESCAPED = /[<>&]/;
const ESCAPES = /[<>&]/g;
const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Streams a JSON object `{...head, [key]: [rows...], next: null}`: the shape of one listing page
 * holding every row.
 */
export function streamJson<T extends object>(
  res: Response, head: object, key: string, rows: RowSource<T>, map: (row: T) => object, log: (e: unknown) => void,
): void {
  streamJsonPieces(res, head, key, rows, (row) => json(map(row)), log);
}

/** The writer behind streamJson and streamJsonText: each row's JSON text from `piece`, comma-separated. */
function streamJsonPieces<T>(
  res: Response, head: object, key: string, rows: RowSource<T>, piece: (row: T) => string, log: (e: unknown) => void,
): void {
  res.status(200).type("application/json; charset=utf-8");
  const open = json({ ...head, next: null, next_url: null }).slice(0, -1);
  let first = true;
  const out = chunkedWriter(res, `${open},${JSON.stringify(key)}:[`, JSON_BYTES_BUFFERED);
  rows(
    (row) => {
      const t = piece(row);
      const ok = out.push(first ? t : `,${t}`);
      first = false;
      return ok;
    },
    () => out.drain(),
    () => gone(res),
  )
    .then(() => {
      if (gone(res)) return;
      res.write(`${out.rest()}]}`);
      res.end();
    })
    .catch((e) => fail(res, log, e));
}
