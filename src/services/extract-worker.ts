// One extraction thread of the pool in ./extract-pool.ts: receives {id, text}, answers with the
// extraction or the error's message. The extractor module is the pure pipeline unless the pool names
// another (tests name a fixture that is slow on purpose).
import { parentPort, workerData } from "node:worker_threads";
import type { Extraction } from "../nlp/types";

interface Job {
  id: number;
  text: string;
}

const modulePath = (workerData as { module?: string } | null)?.module ?? "../nlp/pipeline";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extractor = require(modulePath) as { extract: (text: string) => Extraction };

parentPort!.on("message", (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, extraction: extractor.extract(job.text) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
