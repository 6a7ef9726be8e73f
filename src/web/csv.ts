// CSV output: RFC 4180 (CRLF records, quoted fields as needed), UTF-8 with a byte order mark so
// spreadsheets read the encoding, a header row. Cells starting with = + - @ get a leading ' so a
// spreadsheet does not run article text as a formula. Exports stream with the same options
// (src/web/export.ts).
import { stringify } from "csv-stringify/sync";
import type { Options } from "csv-stringify";

export const CSV_OPTIONS: Options = {
  header: true,
  bom: true,
  record_delimiter: "windows",
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { boolean: (v) => (v ? "true" : "false") },
};

export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return stringify(rows as unknown as Record<string, unknown>[], { ...CSV_OPTIONS, columns: [...columns] });
}
