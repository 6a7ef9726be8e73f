// Command-line flags and environment for `whosaid ingest` and `whosaid serve`, validated once.
import { z } from "zod";
import { DEFAULT_DB, SEEDS_DIR } from "./paths";
import { DEFAULT_BUDGET_MS, defaultPoolSize } from "./services/extract-pool";
import { DEFAULT_WRITE_LIMIT } from "./web/guards";

export class ConfigError extends Error {
  override name = "ConfigError";
}

interface RawFlags {
  flags: Record<string, string | true>;
  positional: string[];
}

/** Splits `--name value`, `--name=value` and bare `--switch` flags from positional arguments. */
function splitArgs(args: string[], valued: string[], switches: string[]): RawFlags {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (switches.includes(name)) {
      if (eq !== -1) throw new ConfigError(`--${name} takes no value`);
      flags[name] = true;
    } else if (valued.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith("--"))) throw new ConfigError(`--${name} needs a value`);
      flags[name] = value;
    } else {
      throw new ConfigError(`unknown option --${name}`);
    }
  }
  return { flags, positional };
}

function explain(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ");
}

const dbFile = z.string().trim().min(1, { error: "must name a file" });

const serveSchema = z.object({
  db: dbFile,
  port: z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 65535" })
    .max(65535, { error: "must be between 0 and 65535" }),
  host: z.string().trim().min(1, { error: "must not be empty" }),
  ingestSeeds: z.boolean(),
  seedsDir: z.string(),
  /** Host header names answered besides the loopback names and the bound address (DNS rebinding) */
  allowedHosts: z.array(z.string().regex(/^[A-Za-z0-9.\-\[\]:]+$/, { error: "must be host names or addresses, separated by commas" })),
  /** extraction threads for POST /sources */
  workers: z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(1, { error: "must be between 1 and 16" }).max(16, { error: "must be between 1 and 16" }),
  /** seconds one extraction may take */
  extractTimeout: z.coerce.number({ error: "must be a number" }).min(0.1, { error: "must be between 0.1 and 600 seconds" }).max(600, { error: "must be between 0.1 and 600 seconds" }),
  /** writes per minute per client address; 0 turns the limit off */
  writeLimit: z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }),
  /** the secret a reviewer gives at sign-in; required for writes on a non-loopback address */
  reviewToken: z.string().min(12, { error: "must be at least 12 characters" }).max(500).nullable().optional(),
});
export type ServeConfig = z.infer<typeof serveSchema>;

const ingestSchema = z.object({
  db: dbFile,
  paths: z.array(z.string().min(1)).min(1, { error: "name at least one file or folder to ingest" }),
});
export type IngestConfig = z.infer<typeof ingestSchema>;

function fromEnv(value: string | undefined, fallback: string): string {
  return value !== undefined && value !== "" ? value : fallback;
}

/**
 * `whosaid serve [--db FILE] [--port N] [--host H] [--allowed-hosts A,B] [--workers N]
 * [--extract-timeout S] [--write-limit N] [--ingest-seeds] [--review-token T]`; PORT, HOST,
 * WHOSAID_ALLOWED_HOSTS and WHOSAID_REVIEW_TOKEN from the environment.
 */
export function parseServeConfig(args: string[], env: NodeJS.ProcessEnv = process.env): ServeConfig {
  const { flags, positional } = splitArgs(args, ["db", "port", "host", "allowed-hosts", "workers", "extract-timeout", "write-limit", "review-token"], ["ingest-seeds"]);
  const hosts = flags["allowed-hosts"] ?? fromEnv(env.WHOSAID_ALLOWED_HOSTS, "");
  if (positional.length) throw new ConfigError(`unexpected argument "${positional[0]}"`);
  const parsed = serveSchema.safeParse({
    db: flags.db ?? DEFAULT_DB,
    port: flags.port ?? (env.PORT !== undefined && env.PORT !== "" ? env.PORT : "3000"),
    host: flags.host ?? (env.HOST !== undefined && env.HOST !== "" ? env.HOST : "127.0.0.1"),
    ingestSeeds: flags["ingest-seeds"] === true,
    seedsDir: SEEDS_DIR,
    allowedHosts: String(hosts).split(",").map((h) => h.trim()).filter((h) => h !== ""),
    workers: flags.workers ?? String(defaultPoolSize()),
    extractTimeout: flags["extract-timeout"] ?? String(DEFAULT_BUDGET_MS / 1000),
    writeLimit: flags["write-limit"] ?? String(DEFAULT_WRITE_LIMIT.limit),
    reviewToken: (flags["review-token"] as string | undefined) ?? (env.WHOSAID_REVIEW_TOKEN ? env.WHOSAID_REVIEW_TOKEN : null),
  });
  if (!parsed.success) throw new ConfigError(explain(parsed.error));
  return parsed.data;
}

/** `whosaid ingest PATH ... [--db FILE]` */
export function parseIngestConfig(args: string[]): IngestConfig {
  const { flags, positional } = splitArgs(args, ["db"], []);
  const parsed = ingestSchema.safeParse({ db: flags.db ?? DEFAULT_DB, paths: positional });
  if (!parsed.success) throw new ConfigError(explain(parsed.error));
  return parsed.data;
}
