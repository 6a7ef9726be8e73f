// Validation of one article as users and files submit it. Everything here is hostile input.
import { z } from "zod";
import { AppError } from "../errors";

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_TITLE = 500;
export const MAX_OUTLET = 200;
export const MAX_URL = 2048;

export interface ArticleInput {
  text: string;
  title: string;
  outlet: string;
  url: string;
  published: string;
}

// C0 controls other than tab, line feed and carriage return; DEL; lone surrogates; U+FFFE/U+FFFF.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Single-line fields also refuse line breaks.
const LINE_CONTROL = /[\u0000-\u001F\u007F\u2028\u2029]/;

function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** An optional one-line field: absent, null or blank means "". */
function line(max: number) {
  return z
    .string({ error: "must be text" })
    .nullish()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, { error: `is too long (at most ${max} characters)` })
    .refine((v) => !LINE_CONTROL.test(v), { error: "contains line breaks or control characters" });
}

const schema = z.object({
  text: z
    .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") })
    .refine((v) => v.trim().length > 0, { error: "is empty: paste the article text" })
    .refine((v) => !BINARY.test(v), { error: "contains binary or control characters (is this a text file?)" })
    // browsers submit textareas with CRLF line ends; store one convention so the same article hashes the same
    .transform((v) => v.replace(/\r\n?/g, "\n")),
  title: line(MAX_TITLE),
  outlet: line(MAX_OUTLET),
  url: line(MAX_URL).refine((v) => v === "" || isHttpUrl(v), { error: "must be an http:// or https:// address" }),
  published: line(10).refine((v) => v === "" || isValidDate(v), { error: "must be a date written YYYY-MM-DD" }),
});

/** Validates raw input (a parsed form or JSON body, a file record). Throws AppError 400 or 413. */
export function parseArticleInput(raw: unknown): ArticleInput {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new AppError(400, "body: expected an object with a text field", { body: "expected an object with a text field" });
  }
  const text = (raw as { text?: unknown }).text;
  if (typeof text === "string") {
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > MAX_TEXT_BYTES) {
      const message = `is too large (${bytes} bytes; the limit is 2 MB)`;
      throw new AppError(413, `text: ${message}`, { text: message });
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "body");
    fields[field] ??= issue.message;
  }
  const summary = Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join("; ");
  throw new AppError(400, summary, fields);
}
