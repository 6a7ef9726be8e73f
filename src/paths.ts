// Where the project's fixed folders are, from the compiled file (dist/src/paths.js) up to the root.
import { resolve } from "node:path";

export const ROOT = resolve(__dirname, "..", "..");
export const VIEWS_DIR = resolve(ROOT, "views");
export const STATIC_DIR = resolve(ROOT, "views", "static");
export const SEEDS_DIR = resolve(ROOT, "seeds");
export const DEFAULT_DB = "data/whosaid.db";
