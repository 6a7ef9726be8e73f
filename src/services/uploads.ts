// An uploaded file (POST /sources, multipart field "file") turned into article records: .txt as it
// is, .html/.htm reduced to the article (readability, in a worker), .jsonl one article a line. Every
// byte is hostile: the file must be UTF-8 (no silent U+FFFD), within the size and count limits, and
// one bad line refuses the whole file (nothing half-stored).
import { isUtf8 } from "node:buffer";
import { extname } from "node:path";
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
