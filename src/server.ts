// The only file that listens: config → database → (seeds, re-extraction) → app → listen.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp, type AppOptions } from "./app";
import type { ServeConfig } from "./config";
import { openDb, type Db } from "./store/db";
import { DEFAULT_EXTRACTOR, reextractStale } from "./services/ingest";
import { ingestPaths, summaryLine } from "./services/ingest-files";
import { ensureGroups } from "./services/compare";
import { isLoopbackHost } from "./web/session";

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

export async function startServer(config: ServeConfig, options: ServerOptions = {}): Promise<Running> {
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
  const security = options.app?.security ?? { token: config.reviewToken ?? null, publicBind: !isLoopbackHost(config.host) };
  log(writesLine(config.host, security.token));
  const app = createApp({ ...options.app, db, security });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        db.close();
        resolve();
      });
      server.closeAllConnections();
    });
  return { server, db, url: `http://${host}:${address.port}`, close };
}
