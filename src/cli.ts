// whosaid command line: extract | ingest | serve. See ../shared/CONTRACT.md for the contract.
import { readFileSync } from "node:fs";
import { extract } from "./nlp/pipeline";

const USAGE = `usage:
  whosaid extract --jsonl [FILE ...]   JSON Lines in ({id, text}), one JSON line out per line
  whosaid extract FILE ...             plain-text files, id = the path
  whosaid ingest PATH ... [--db FILE]  store articles (.txt, .html, .jsonl; folders are walked)
  whosaid serve [--db FILE] [--port N] [--host H] [--ingest-seeds]`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** One output line; an extraction failure becomes that line's error (the contract), never the end of the run. */
function extractLine(id: unknown, text: string): { line: string; ok: boolean } {
  try {
    const { quotes, claims } = extract(text);
    return { line: JSON.stringify({ id, quotes, claims }), ok: true };
  } catch (e) {
    return { line: JSON.stringify({ id, error: `extraction failed: ${(e as Error).message}` }), ok: false };
  }
}

/** `whosaid extract`: writes one JSON line per input line; returns the exit status. */
export async function runExtract(args: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const jsonl = args.includes("--jsonl");
  const files = args.filter((a) => !a.startsWith("--"));
  let failed = false;
  if (jsonl) {
    const inputs = files.length ? files.map((f) => readFileSync(f, "utf8")) : [await readStdin()];
    for (const input of inputs) {
      for (const line of input.split("\n")) {
        if (!line.trim()) continue;
        let obj: unknown;
        try {
          obj = JSON.parse(line);
        } catch (e) {
          failed = true;
          write(JSON.stringify({ id: null, error: `not JSON: ${(e as Error).message}` }) + "\n");
          continue;
        }
        const rec = (obj && typeof obj === "object" ? obj : {}) as { id?: unknown; text?: unknown };
        const id = rec.id ?? null;
        if (typeof rec.text !== "string") {
          failed = true;
          write(JSON.stringify({ id, error: "no `text` string on this line" }) + "\n");
          continue;
        }
        const out = extractLine(id, rec.text);
        if (!out.ok) failed = true;
        write(out.line + "\n");
      }
    }
  } else {
    if (!files.length) {
      process.stderr.write("whosaid extract: name one or more text files, or use --jsonl\n");
      return 2;
    }
    for (const f of files) {
      let text: string;
      try {
        text = readFileSync(f, "utf8");
      } catch (e) {
        failed = true;
        write(JSON.stringify({ id: f, error: (e as Error).message }) + "\n");
        continue;
      }
      const out = extractLine(f, text);
      if (!out.ok) failed = true;
      write(out.line + "\n");
    }
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "extract":
      return runExtract(args);
    case "ingest":
    case "serve": {
      const { runIngest, runServe } = await import("./cli-db");
      return command === "ingest" ? runIngest(args) : runServe(args);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`whosaid: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
  );
}
