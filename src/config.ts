// Command-line flags and environment for `whosaid ingest` and `whosaid serve`, validated once.
import { z } from "zod";
import { DEFAULT_DB, SEEDS_DIR } from "./paths";

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
  /** the secret a reviewer gives at sign-in; required for writes on a non-loopback address */
  reviewToken: z.string().min(12, { error: "must be at least 12 characters" }).max(500).nullable().optional(),
});
export type ServeConfig = z.infer<typeof serveSchema>;

const ingestSchema = z.object({
  db: dbFile,
  paths: z.array(z.string().min(1)).min(1, { error: "name at least one file or folder to ingest" }),
});
export type IngestConfig = z.infer<typeof ingestSchema>;

/** `whosaid serve [--db FILE] [--port N] [--host H] [--ingest-seeds] [--review-token T]`; PORT, HOST and WHOSAID_REVIEW_TOKEN from the environment. */
export function parseServeConfig(args: string[], env: NodeJS.ProcessEnv = process.env): ServeConfig {
  const { flags, positional } = splitArgs(args, ["db", "port", "host", "review-token"], ["ingest-seeds"]);
  if (positional.length) throw new ConfigError(`unexpected argument "${positional[0]}"`);
  const parsed = serveSchema.safeParse({
    db: flags.db ?? DEFAULT_DB,
    port: flags.port ?? (env.PORT !== undefined && env.PORT !== "" ? env.PORT : "3000"),
    host: flags.host ?? (env.HOST !== undefined && env.HOST !== "" ? env.HOST : "127.0.0.1"),
    ingestSeeds: flags["ingest-seeds"] === true,
    seedsDir: SEEDS_DIR,
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
