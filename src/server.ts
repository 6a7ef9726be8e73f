// The only file that listens: config → database → (seeds, re-extraction) → app → listen.
import { createServer, STATUS_CODES, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createApp, type AppOptions } from "./app";
import type { ServeConfig } from "./config";
import { openDb, type Db } from "./store/db";
import { DEFAULT_EXTRACTOR, reextractStale } from "./services/ingest";
import { ingestPaths, summaryLine } from "./services/ingest-files";
import { ensureGroups } from "./services/compare";
import { DEFAULT_BUDGET_MS, ExtractPool } from "./services/extract-pool";
import { DEFAULT_WRITE_LIMIT, hostAllowList, isLoopback } from "./web/guards";
import { isLoopbackHost } from "./web/session";
import { rawErrorResponse } from "./web/respond";

/** What the server says about writes when it starts. */
export function writesLine(host: string, token: string | null | undefined): string {
  if (isLoopbackHost(host)) {
    return token
      ? "writes: every write needs a sign-in with the review token (or Authorization: Bearer); read pages are public"
      : "writes: open to this machine (loopback); reviewers sign in with a name only";
  }
  return token
    ? `writes: bound to ${host}: every write needs a sign-in with the review token (or Authorization: Bearer); read pages are public`
    : `writes: OFF: bound to ${host} without a review token, the server is read-only (start it with --review-token or WHOSAID_REVIEW_TOKEN)`;
}

export interface Running {
  server: Server;
  db: Db;
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  log?: (line: string) => void;
  /** app options other than the database (tests inject a fixture extractor) */
  app?: Omit<AppOptions, "db">;
}

/** What startServer needs: the serve flags, the newer ones optional (their defaults as in parseServeConfig). */
export type ServeInput = Pick<ServeConfig, "db" | "port" | "host" | "ingestSeeds" | "seedsDir"> &
  Partial<Pick<ServeConfig, "allowedHosts" | "workers" | "extractTimeout" | "writeLimit" | "reviewToken">>;

/** Request headers above this size get a 431 (with a body saying so). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** A failure to start that deserves one sentence, not a stack trace (a busy port). */
export class ServeError extends Error {
  override name = "ServeError";
}

/**
 * The warning printed when the server is reachable from other machines, or null on loopback. The
 * one place this is worded (the review workflow's sign-in requirement is added here too).
 */
export function exposureWarning(host: string): string | null {
  if (isLoopback(host.replace(/^\[|\]$/g, ""))) return null;
  return (
    `warning: listening on ${host}, which other machines can reach: anyone who can reach this address ` +
    `can read every page and add articles. Bind to 127.0.0.1 unless that is what you want; name the ` +
    `host names clients use with --allowed-hosts.`
  );
}

/**
 * Answers a request the HTTP parser refused (huge headers, garbage) with a status and a body in the
 * format of its URL's suffix (src/web/respond.ts), then closes.
 */
function clientError(err: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const message =
    status === 431 ? `the request headers are too large (the limit is ${MAX_HEADER_BYTES / 1024} KB).`
    : status === 408 ? "the request took too long to arrive."
    : "the request is not valid HTTP.";
  socket.end(rawErrorResponse(status, STATUS_CODES[status] ?? "Error", message, err.rawPacket));
}

function listenError(err: Error & { code?: string }, host: string, port: number): Error {
  switch (err.code) {
    case "EADDRINUSE":
      return new ServeError(`port ${port} on ${host} is already in use: stop the other server or choose another --port`);
    case "EACCES":
      return new ServeError(`not allowed to listen on port ${port} of ${host}: choose a port above 1023 or another --host`);
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new ServeError(`cannot listen on ${host}: it is not an address of this machine`);
    default:
      return err;
  }
}

export async function startServer(config: ServeInput, options: ServerOptions = {}): Promise<Running> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const extractor = options.app?.ingest?.extractor ?? DEFAULT_EXTRACTOR;
  const db = openDb(config.db);
  try {
    const stale = reextractStale(db, extractor);
    if (stale.updated || stale.failed.length) {
      log(`re-extracted ${stale.updated} sources with extractor ${extractor.version}, ${stale.failed.length} failed`);
      for (const f of stale.failed) log(`  source ${f.id}: ${f.error}`);
    }
    if (config.ingestSeeds) {
      const summary = ingestPaths(db, [config.seedsDir], { ...options.app?.ingest, only: [".txt"] });
      log(`seeds: ${summaryLine(summary)}`);
      for (const f of summary.failed) log(`  ${f.origin}: ${f.error}`);
    }
    // statements grouped across sources: computed here once if missing or from another grouping version
    const regrouped = ensureGroups(db);
    if (regrouped) log(`grouped ${regrouped.statements} statements into ${regrouped.groups} groups`);
  } catch (e) {
    db.close();
    throw e;
  }
  // a fixture extractor (tests) runs in process; the real pipeline in worker threads
  const pool = options.app?.extraction || options.app?.ingest?.extractor
    ? null
    : new ExtractPool({ size: config.workers, budgetMs: (config.extractTimeout ?? DEFAULT_BUDGET_MS / 1000) * 1000 });
  let port = config.port;
  const writeLimit = config.writeLimit ?? DEFAULT_WRITE_LIMIT.limit;
  const security = options.app?.security ?? { token: config.reviewToken ?? null, publicBind: !isLoopbackHost(config.host) };
  log(writesLine(config.host, security.token));
  const app = createApp({
    allowedHost: hostAllowList(config.host, () => port, config.allowedHosts ?? []),
    writeLimit: writeLimit === 0 ? false : { limit: writeLimit, windowMs: 60_000 },
    ...options.app,
    ...(pool ? { extraction: pool } : {}),
    security,
    db,
  });
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on("clientError", clientError);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    await pool?.close();
    db.close();
    throw listenError(e as Error & { code?: string }, config.host, config.port);
  }
  const address = server.address() as AddressInfo;
  port = address.port;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const warning = exposureWarning(host);
  if (warning) log(warning);
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        void (pool?.close() ?? Promise.resolve()).then(() => {
          db.close();
          resolve();
        });
      });
      server.closeAllConnections();
    });
  return { server, db, url: `http://${host}:${address.port}`, close };
}
