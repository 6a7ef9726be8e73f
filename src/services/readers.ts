// Article readers for `whosaid ingest`: .txt, .html/.htm and .jsonl files; folders are walked.
// A `seeds.json` next to .txt files gives their metadata ({file: {title, outlet, date, url}}).
import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { articleFromHtml } from "./html-text";

export const ARTICLE_EXTENSIONS = [".txt", ".html", ".htm", ".jsonl"];
export const METADATA_FILE = "seeds.json";

/** One article to ingest (raw, validated later) or a reason it could not be read. */
export interface ArticleItem {
  /** where it came from: a path, or path:line for JSON Lines */
  origin: string;
  record?: Record<string, unknown>;
  error?: string;
}

/** The article files named by `paths`, folders walked in sorted order. Unreadable paths become errors. */
export function listArticleFiles(paths: string[]): { files: string[]; errors: ArticleItem[] } {
  const files: string[] = [];
  const errors: ArticleItem[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase())) files.push(full);
    }
  };
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (ARTICLE_EXTENSIONS.includes(extname(p).toLowerCase())) files.push(p);
      else errors.push({ origin: p, error: `not an article file (expected ${ARTICLE_EXTENSIONS.join(", ")})` });
    } catch (e) {
      errors.push({ origin: p, error: (e as Error).message });
    }
  }
  return { files, errors };
}

/** what an article file that is not UTF-8 is told (its bytes are never silently replaced by U+FFFD) */
export const NOT_UTF8 = "is not valid UTF-8 (save it as UTF-8 and ingest it again)";

/** The file's text; throws when its bytes are not UTF-8. A leading BOM is dropped. */
function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  if (!isUtf8(bytes)) throw new Error(NOT_UTF8);
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

const metadataCache = new Map<string, Record<string, Record<string, unknown>>>();

/** The metadata entry for a file from the seeds.json beside it, or {}. */
function metadataFor(file: string): Record<string, unknown> {
  const dir = dirname(file);
  let meta = metadataCache.get(dir);
  if (!meta) {
    meta = {};
    try {
      const parsed: unknown = JSON.parse(readUtf8(join(dir, METADATA_FILE)));
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) meta = parsed as typeof meta;
    } catch {
      // no metadata file, or not JSON: no metadata
    }
    metadataCache.set(dir, meta);
  }
  // own entries only: a file named "constructor" or "__proto__" has no inherited metadata
  const entry = Object.hasOwn(meta, basename(file)) ? meta[basename(file)] : undefined;
  return entry && typeof entry === "object" ? entry : {};
}

function pick(obj: Record<string, unknown>, ...keys: string[]): unknown {
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null && obj[k] !== "") return obj[k];
  return undefined;
}

/** The article fields of a loose record (JSON Lines row or metadata entry). */
function articleFields(obj: Record<string, unknown>): Record<string, unknown> {
  return {
    title: pick(obj, "title"),
    outlet: pick(obj, "outlet", "source"),
    url: pick(obj, "url"),
    published: pick(obj, "published", "date"),
  };
}

/**
 * The lines of a file, read 1 MB at a time (a JSON Lines file of 200k articles is larger than the
 * longest string V8 allows, and need not be in memory at once), split on the bytes so each line's
 * UTF-8 is checked on its own: a line that is not UTF-8 is null (not silently replaced by U+FFFD).
 * A leading BOM is dropped.
 */
function* fileLines(fd: number): Generator<string | null> {
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    // the bytes of the line being read, across chunks
    let pending: Buffer[] = [];
    let first = true;
    const line = (parts: Buffer[]): string | null => {
      let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      return isUtf8(bytes) ? bytes.toString("utf8") : null;
    };
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const chunk = buf.subarray(0, n);
      let start = 0;
      for (let nl; (nl = chunk.indexOf(0x0a, start)) !== -1; start = nl + 1) {
        // the line's string is made before the buffer is read into again
        if (pending.length) {
          pending.push(chunk.subarray(start, nl));
          yield line(pending);
          pending = [];
        } else yield line([chunk.subarray(start, nl)]);
      }
      if (start < n) pending.push(Buffer.from(chunk.subarray(start)));
    }
    yield line(pending.length ? pending : [Buffer.alloc(0)]);
  } finally {
    closeSync(fd);
  }
}

/** Reads the articles in one file. */
export function* readArticleFile(file: string): Generator<ArticleItem> {
  const ext = extname(file).toLowerCase();
  if (ext === ".jsonl") {
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch (e) {
      yield { origin: file, error: (e as Error).message };
      return;
    }
    yield* jsonLines(file, fileLines(fd));
    return;
  }
  let content: string;
  try {
    content = readUtf8(file);
  } catch (e) {
    yield { origin: file, error: (e as Error).message };
    return;
  }
  if (ext === ".txt") {
    yield { origin: file, record: { ...articleFields(metadataFor(file)), text: content } };
  } else if (ext === ".html" || ext === ".htm") {
    // the same reduction as an uploaded page: readability's article, scripts, styles and menus dropped
    const { title, text } = articleFromHtml(content);
    yield { origin: file, record: { title, text } };
  } else {
    yield* jsonLines(file, content.split("\n"));
  }
}

/** JSON Lines records, one per non-blank line; origin is file:line, or file#id when the line has an id. */
function* jsonLines(file: string, lines: Iterable<string | null>): Generator<ArticleItem> {
  let i = -1;
  for (const raw of lines) {
    i++;
    if (raw === null) {
      yield { origin: `${file}:${i + 1}`, error: `this line ${NOT_UTF8}` };
      continue;
    }
    const line = raw.trim();
    if (!line) continue;
    const origin = `${file}:${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      yield { origin, error: `not JSON: ${(e as Error).message}` };
      continue;
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
      yield { origin, error: "not a JSON object" };
      continue;
    }
    const rec = obj as Record<string, unknown>;
    const id = typeof rec.id === "string" || typeof rec.id === "number" ? `${file}#${rec.id}` : origin;
    yield { origin: id, record: { ...articleFields(rec), text: rec.text } };
  }
}
