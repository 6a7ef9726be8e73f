// One extraction thread of the pool in ./extract-pool.ts: receives {id, text}, answers with the
// extraction or the error's message. The extractor module is the pure pipeline unless the pool names
// another (tests name a fixture that is slow on purpose).
import { parentPort, workerData } from "node:worker_threads";
import type { Extraction } from "../nlp/types";
import { articleFromHtml } from "./html-text";

interface Job {
  id: number;
  /** "extract" (default) or "html": reduce a web page to its article */
  kind?: "extract" | "html";
  text: string;
}

const modulePath = (workerData as { module?: string } | null)?.module ?? "../nlp/pipeline";
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
