// An uploaded file (POST /sources, multipart field "file") turned into article records: .txt as it
// is, .html/.htm reduced to the article (readability, in a worker), .jsonl one article a line. Every
// byte is hostile: the file must be UTF-8 (no silent U+FFFD), within the size and count limits, and
// one bad line refuses the whole file (nothing half-stored).
import { isUtf8 } from "node:buffer";
import { extname } from "node:path";
import type { IncomingMessage } from "node:http";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import multer from "multer";
import { AppError } from "../errors";
import { MAX_TEXT_BYTES } from "./article-input";
import type { HtmlText } from "./html-text";

export const UPLOAD_EXTENSIONS = [".txt", ".html", ".htm", ".jsonl"];
/** articles one .jsonl upload may hold */
export const MAX_UPLOAD_ARTICLES = 50;
/** multer limits: one file of at most 2 MB, a few small fields (the text field up to the text limit) */
export const UPLOAD_LIMITS = { fileSize: MAX_TEXT_BYTES, files: 1, fields: 8, parts: 9, fieldSize: MAX_TEXT_BYTES + 1024 };

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

function bad(message: string): AppError {
  return new AppError(400, `file: ${message}`, { file: message });
}

const FIELDS = ["title", "outlet", "url", "published"] as const;

/** The article records of an upload; `fields` are the form's other fields (title …), which win over the file's. */
export async function uploadRecords(
  file: UploadedFile,
  fields: Record<string, unknown>,
  readHtml: (html: string) => Promise<HtmlText>,
): Promise<Record<string, unknown>[]> {
  const ext = extname(file.originalname).toLowerCase();
  if (!UPLOAD_EXTENSIONS.includes(ext)) throw bad(`must be a ${UPLOAD_EXTENSIONS.join(", ")} file`);
  if (!file.buffer.length) throw bad("is empty");
  if (!isUtf8(file.buffer)) throw bad("is not valid UTF-8 (save it as UTF-8 and upload it again)");
  const content = file.buffer.toString("utf8").replace(/^\uFEFF/, "");
  const given: Record<string, unknown> = {};
  for (const k of FIELDS) if (typeof fields[k] === "string" && (fields[k] as string).trim() !== "") given[k] = fields[k];
  if (ext === ".txt") return [{ ...given, text: content }];
  if (ext === ".html" || ext === ".htm") {
    const { title, text } = await readHtml(content);
    return [{ title, ...given, text }];
  }
  const records: Record<string, unknown>[] = [];
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (records.length === MAX_UPLOAD_ARTICLES) throw bad(`holds more than ${MAX_UPLOAD_ARTICLES} articles (use whosaid ingest for more)`);
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw bad(`line ${i + 1} is not JSON: nothing was stored`);
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw bad(`line ${i + 1} is not a JSON object: nothing was stored`);
    const o = obj as Record<string, unknown>;
    const own = (k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
    records.push({ title: own("title"), outlet: own("outlet") ?? own("source"), url: own("url"), published: own("published") ?? own("date"), text: own("text"), line: i + 1 });
  }
  if (!records.length) throw bad("holds no articles");
  return records;
}

/** the form fields named in an error about their bytes (any other field is "body") */
const NAMED_FIELDS = new Set(["text", "title", "outlet", "url", "published"]);
/** charsets a multipart text field may declare: UTF-8 and its ASCII subset */
const UTF8_CHARSETS = new Set(["utf-8", "utf8", "us-ascii", "ascii"]);
/**
 * Bytes of a multipart body kept for the field check: one file and one text field at their limits,
 * plus headers and boundaries. A longer body (a huge preamble or epilogue busboy skips) is a 413.
 */
export const MAX_MULTIPART_BYTES = UPLOAD_LIMITS.fileSize + UPLOAD_LIMITS.fieldSize + 64 * 1024;

function fieldError(name: string, status: number, message: string): AppError {
  const field = NAMED_FIELDS.has(name) ? name : "body";
  const what = field === "body" ? `a form field ${message}` : message;
  return new AppError(status, `${field}: ${what}`, { [field]: what });
}

/** The boundary of a multipart Content-Type (quoted or bare), or null. */
export function multipartBoundary(contentType: string): string | null {
  const m = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.){1,200})"|([^;\s"]{1,200}))/i.exec(contentType);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]!;
}

/**
 * The text fields of a raw multipart/form-data body must be UTF-8. busboy decodes a field's bytes
 * with U+FFFD for anything invalid ("Jo\xFF\xFEhn" would be stored as "Jo\uFFFD\uFFFDhn"), so the
 * check reads the bytes themselves: every part that is not a file (no filename, not
 * application/octet-stream; file bytes are checked by uploadRecords) must be valid UTF-8 and
 * declare no other charset. Returns the 400/415 naming the field, or null. Parts are split as
 * busboy splits them: on CRLF "--" boundary, headers up to the first blank line.
 */
export function checkMultipartFields(contentType: string, raw: Buffer): AppError | null {
  const boundary = multipartBoundary(contentType);
  if (boundary === null) return new AppError(400, "body: is not a well-formed multipart form", { body: "is not a well-formed multipart form" });
  const body = Buffer.concat([Buffer.from("\r\n"), raw]);
  const delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const after = at + delimiter.length;
    const next = body.indexOf(delimiter, after);
    // "--" after the boundary ends the form; a part starts only after CRLF
    if (body[after] === 0x2d && body[after + 1] === 0x2d) break;
    if (body[after] === 0x0d && body[after + 1] === 0x0a) {
      const end = next === -1 ? body.length : next;
      const headEnd = body.indexOf("\r\n\r\n", after + 2);
      if (headEnd !== -1 && headEnd + 4 <= end) {
        const head = body.toString("latin1", after + 2, headEnd);
        const problem = checkPart(head, body.subarray(headEnd + 4, end));
        if (problem) return problem;
      }
    }
    at = next;
  }
  return null;
}

function checkPart(head: string, value: Buffer): AppError | null {
  let disposition = "";
  let type = "";
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (key === "content-disposition" && !disposition) disposition = line.slice(colon + 1);
    else if (key === "content-type" && !type) type = line.slice(colon + 1).trim().toLowerCase();
  }
  if (!/^\s*form-data\b/i.test(disposition)) return null;
  if (/;\s*filename\*?\s*=/i.test(disposition) || type.startsWith("application/octet-stream")) return null;
  const named = /;\s*name\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(disposition);
  const name = named ? (named[1] ?? named[2] ?? "") : "";
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type)?.[1];
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    return fieldError(name, 415, `is sent as ${charset.slice(0, 40)}: send the form as UTF-8`);
  }
  if (!isUtf8(value)) return fieldError(name, 400, "is not valid UTF-8 (send the form as UTF-8): nothing was stored");
  return null;
}

interface Collected {
  chunks: Buffer[];
  bytes: number;
  over: boolean;
}

/**
 * multer for POST /sources (one file in the field "file", memory storage, the limits above), with
 * the raw bytes of the body kept while busboy parses it so that its text fields can be checked for
 * UTF-8 (checkMultipartFields) before anything reads them. Not multipart: passes through.
 */
export function multipartUpload(): RequestHandler {
  const collected = new WeakMap<IncomingMessage, Collected>();
  const options = {
    storage: multer.memoryStorage(),
    limits: UPLOAD_LIMITS,
    // multer's hook for feeding busboy (not in @types/multer): also keep the bytes, up to the cap
    streamHandler: (req: IncomingMessage, busboy: NodeJS.WritableStream) => {
      const c: Collected = { chunks: [], bytes: 0, over: false };
      collected.set(req, c);
      req.on("data", (chunk: Buffer) => {
        if (c.over) return;
        c.bytes += chunk.length;
        if (c.bytes > MAX_MULTIPART_BYTES) {
          c.over = true;
          c.chunks = [];
        } else c.chunks.push(chunk);
      });
      req.pipe(busboy);
    },
  } as multer.Options;
  const upload = multer(options).single("file");
  return (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (err?: unknown) => {
      const c = collected.get(req);
      collected.delete(req);
      if (err) return next(err);
      if (!c) return next();
      if (c.over) return next(new AppError(413, "The form is too large (the limit is one 2 MB file or text)."));
      const problem = checkMultipartFields(String(req.headers["content-type"] ?? ""), Buffer.concat(c.chunks, c.bytes));
      if (problem) {
        // what busboy decoded is not what was sent: the form must not come back with it either
        req.body = Object.create(null);
        return next(problem);
      }
      next();
    });
  };
}
