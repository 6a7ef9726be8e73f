// whosaid command line: extract | ingest | serve. See ../shared/CONTRACT.md for the contract.
import { readFileSync } from "node:fs";
import { extract as pipelineExtract } from "./nlp/pipeline";
import type { Extraction } from "./nlp/types";

export const USAGE = `usage:
  whosaid extract --jsonl [FILE ...]   JSON Lines in ({id, text}), one JSON line out per line
  whosaid extract FILE ...             plain-text files, id = the path
  whosaid ingest PATH ... [--db FILE]  store articles (.txt, .html, .jsonl; folders are walked)
  whosaid serve [--db FILE] [--port N] [--host H] [--allowed-hosts A,B] [--workers N]
                [--extract-timeout S] [--write-limit N] [--ingest-seeds]
  whosaid COMMAND --help               what a command does and its options`;

/** Each command's --help. */
export const HELP: Record<"extract" | "ingest" | "serve", string> = {
  extract: `usage: whosaid extract --jsonl [FILE ...]
       whosaid extract FILE ...

Extracts quotes and claims without storing anything, one JSON line out per article.
  --jsonl    read JSON Lines ({"id", "text"}) from the files, or standard input when none is named;
             a line that cannot be processed gets {"id", "error"} and the exit status is 1 at the end
  FILE ...   without --jsonl: plain-text files, id = the path`,
  ingest: `usage: whosaid ingest PATH ... [--db FILE]

Stores articles in the database: .txt, .html/.htm (reduced to the article's text) and .jsonl files;
folders are walked. An article is stored once (by content hash), so re-running is harmless. Ends with
a summary of what was stored and what was not, and exit status 1 if anything was not.
  --db FILE  the database (default data/whosaid.db; created on first use)`,
  serve: `usage: whosaid serve [options]

Serves the web app.
  --db FILE             the database (default data/whosaid.db)
  --port N              the port (default 3000, or PORT)
  --host H              the address to listen on (default 127.0.0.1, or HOST); any other than
                        loopback is reachable from other machines and the server warns about it
  --allowed-hosts A,B   Host header names answered besides 127.0.0.1, localhost, [::1] and the
                        bound address (or WHOSAID_ALLOWED_HOSTS); other names get 421 (DNS rebinding)
  --workers N           extraction threads for added articles (default: cores - 1, 1 to 4)
  --extract-timeout S   seconds one article's extraction may take before it is refused (default 30)
  --write-limit N       changes per minute per client address, 0 for no limit (default 120)
  --ingest-seeds        store the seed articles first`,
};

export function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** One output line: the extraction, or an error line when extraction fails on this input. */
function extractLine(id: unknown, text: string, extract: (text: string) => Extraction): { line: string; ok: boolean } {
  try {
    const { quotes, claims } = extract(text);
    return { line: JSON.stringify({ id, quotes, claims }), ok: true };
  } catch (e) {
    return { line: JSON.stringify({ id, error: `extraction failed: ${e instanceof Error ? e.message : String(e)}` }), ok: false };
  }
}

/** `whosaid extract`: writes one JSON line per input line; returns the exit status. */
export async function runExtract(
  args: string[],
  write: (s: string) => void = (s) => process.stdout.write(s),
  extract: (text: string) => Extraction = pipelineExtract,
): Promise<number> {
  if (wantsHelp(args)) {
    process.stdout.write(HELP.extract + "\n");
    return 0;
  }
  const unknown = args.find((a) => a.startsWith("--") && a !== "--jsonl");
  if (unknown) {
    process.stderr.write(`whosaid extract: unknown option ${unknown}\n${HELP.extract}\n`);
    return 2;
  }
  const jsonl = args.includes("--jsonl");
  const files = args.filter((a) => !a.startsWith("--"));
  let failed = false;
  const emit = (r: { line: string; ok: boolean }) => {
    if (!r.ok) failed = true;
    write(r.line + "\n");
  };
  if (jsonl) {
    const inputs: string[] = [];
    if (!files.length) inputs.push(await readStdin());
    for (const f of files) {
      try {
        inputs.push(readFileSync(f, "utf8"));
      } catch (e) {
        failed = true;
        write(JSON.stringify({ id: null, error: `cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }) + "\n");
      }
    }
    for (const input of inputs) {
      for (const line of input.split("\n")) {
        if (!line.trim()) continue;
        let obj: unknown;
        try {
          obj = JSON.parse(line);
        } catch (e) {
          emit({ line: JSON.stringify({ id: null, error: `not JSON: ${(e as Error).message}` }), ok: false });
          continue;
        }
        const rec = (obj && typeof obj === "object" ? obj : {}) as { id?: unknown; text?: unknown };
        const id = rec.id ?? null;
        if (typeof rec.text !== "string") {
          emit({ line: JSON.stringify({ id, error: "no `text` string on this line" }), ok: false });
          continue;
        }
        emit(extractLine(id, rec.text, extract));
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
        emit({ line: JSON.stringify({ id: f, error: (e as Error).message }), ok: false });
        continue;
      }
      emit(extractLine(f, text, extract));
    }
  }
  return failed ? 1 : 0;
}

/** A reader that closed the pipe (`| head`) ends the program quietly, not with an EPIPE stack trace. */
function quietOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "extract":
      quietOnClosedPipe();
      return runExtract(args);
    case "ingest":
    case "serve": {
      if (wantsHelp(args)) {
        process.stdout.write(HELP[command] + "\n");
        return 0;
      }
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
