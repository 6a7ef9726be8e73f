// CSV output: RFC 4180 (CRLF records, quoted fields as needed), UTF-8 with a byte order mark so
// spreadsheets read the encoding, a header row. Cells starting with = + - @ (a tab, a carriage return,
// or their full-width forms) get a leading ' so a spreadsheet does not run article text as a formula;
// a negative number keeps its sign.
//
// The writer is hand-written (decision 017): csv-stringify with these options (CSV_OPTIONS, kept as
// the reference the tests compare with byte for byte) cost about 60% of a full export's CPU in
// per-field option objects and closures. The rules below are csv-stringify 6.9's for these options:
// a field is quoted when it holds a comma, a quote mark, a CR or a LF; quote marks inside are
// doubled; null and undefined are empty; numbers and bigints are "" + value; booleans "true"/"false";
// objects JSON; the formula guard is applied before quoting.
import type { Options } from "csv-stringify";

export const CSV_OPTIONS: Options = {
  header: true,
  bom: true,
  record_delimiter: "windows",
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { boolean: (v) => (v ? "true" : "false") },
};

export const BOM = "\uFEFF";
export const CRLF = "\r\n";

/** a field that must be quoted: a comma, a quote mark, CR or LF */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

/** One field of a string value. */
function textCell(v: string): string {
  if (v === "") return "";
  const c = v.charCodeAt(0);
  // = + - @ \t \r and the full-width ＝ ＋ － ＠
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20) v = `'${v}`;
  if (!NEEDS_QUOTES.test(v)) return v;
  return `"${v.indexOf('"') < 0 ? v : v.replace(QUOTES, '""')}"`;
}

/** One CSV field for a value as SQLite or a page's data gives it. */
export function csvCell(v: unknown): string {
  switch (typeof v) {
    case "string":
      return textCell(v);
    case "number":
    case "bigint":
      // a negative number is a number, not a formula, and no number holds a comma or a quote mark
      return "" + v;
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "";
    case "object":
      if (v === null) return "";
      return textCell(v instanceof Date ? "" + v.getTime() : (JSON.stringify(v) ?? ""));
    default:
      return textCell(String(v));
  }
}

/** The header record (with the byte order mark and its CRLF). */
export function csvHeader(columns: readonly string[]): string {
  return BOM + columns.map(textCell).join(",") + CRLF;
}

/**
 * A function from a row object to its CSV record (with its CRLF), built once per column list so a
 * row costs one string concatenation per column and no intermediate array.
 */
export function csvRecordOf(columns: readonly string[]): (row: Record<string, unknown>) => string {
  const n = columns.length;
  const cols = [...columns];
  return (row) => {
    let out = csvCell(row[cols[0]!]);
    for (let i = 1; i < n; i++) out += "," + csvCell(row[cols[i]!]);
    return out + CRLF;
  };
}

/** A record from an array of values (a `.raw()` row), in column order. */
export function csvRecordOfValues(values: readonly unknown[], n: number = values.length): string {
  let out = csvCell(values[0]);
  for (let i = 1; i < n; i++) out += "," + csvCell(values[i]);
  return out + CRLF;
}

/**
 * A record from the first `n` values of a `.raw()` row where the values at `verbatim` are CSV text
 * already (fields escaped and joined when stored, migration 66), written as they are.
 */
export function csvRecordWithVerbatim(n: number, verbatim: readonly number[]): (values: readonly unknown[]) => string {
  const as = Array.from({ length: n }, (_, i) => verbatim.includes(i));
  return (values) => {
    let out = as[0] ? (values[0] as string) : csvCell(values[0]);
    for (let i = 1; i < n; i++) out += "," + (as[i] ? (values[i] as string) : csvCell(values[i]));
    return out + CRLF;
  };
}

export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const record = csvRecordOf(columns);
  let out = csvHeader(columns);
  for (const r of rows) out += record(r as Record<string, unknown>);
  return out;
}
