// `whosaid ingest` and `whosaid serve`: flags validated once, then the services do the work.
import { SingleBar, Presets } from "cli-progress";
import { ConfigError, parseIngestConfig, parseServeConfig } from "./config";
import { openDb } from "./store/db";
import { ingestPathsBulk, summaryLine } from "./services/ingest-files";
import { startServer } from "./server";

function configOrExit<T>(command: string, parse: () => T): T | number {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`whosaid ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export async function runIngest(args: string[]): Promise<number> {
  const config = configOrExit("ingest", () => parseIngestConfig(args));
  if (typeof config === "number") return config;
  const db = openDb(config.db);
  // counts articles (a JSON Lines file holds many), with the rate and the time left
  const bar = process.stderr.isTTY
    ? new SingleBar({
      stream: process.stderr, hideCursor: true, etaBuffer: 20, fps: 5,
      format: "ingest [{bar}] {value}/{total} articles | {rate} articles/s | {duration_formatted} elapsed | {eta_formatted} left",
    }, Presets.shades_classic)
    : null;
  const started = Date.now();
  try {
    const summary = await ingestPathsBulk(db, config.paths, {
      onStart: (n) => bar?.start(n, 0, { rate: "0" }),
      onProgress: (done) => bar?.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString("en-US") }),
    });
    bar?.stop();
    for (const f of summary.failed) process.stderr.write(`${f.origin}: ${f.error}\n`);
    process.stdout.write(summaryLine(summary) + "\n");
    return summary.failed.length ? 1 : 0;
  } finally {
    bar?.stop();
    db.close();
  }
}

export async function runServe(args: string[]): Promise<number> {
  const config = configOrExit("serve", () => parseServeConfig(args));
  if (typeof config === "number") return config;
  const running = await startServer(config);
  process.stderr.write(`whosaid: serving ${config.db} on ${running.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void running.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
