// One extraction thread of the pool in ./extract-pool.ts: receives {id, text}, answers with the
// extraction or the error's message. The extractor module is the pure pipeline unless the pool names
// another (tests name a fixture that is slow on purpose).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Extraction } from "../nlp/types";
import { articleFromHtml } from "./html-text";

interface Job {
  id: number;
  /** "extract" (default) or "html": reduce a web page to its article */
  kind?: "extract" | "html";
  text: string;
}

const data = workerData as { module?: string; nice?: number } | null;
const modulePath = data?.module ?? "../nlp/pipeline";

// a lower priority for this thread alone (Linux: setpriority on the thread's id sets that thread's
// nice value); where there is no /proc/thread-self it stays as it is
if (data?.nice) {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, data.nice);
  } catch {
    // not Linux, or not allowed: the same priority as the rest of the process
  }
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extractor = require(modulePath) as { extract: (text: string) => Extraction };

// loaded: the pool starts a job's clock only now, so a fresh thread's start-up is not the article's time
parentPort!.postMessage({ ready: true });

parentPort!.on("message", (job: Job) => {
  try {
    const result = job.kind === "html" ? articleFromHtml(job.text) : extractor.extract(job.text);
    parentPort!.postMessage({ id: job.id, ok: true, extraction: result });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
