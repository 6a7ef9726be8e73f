// The extraction worker of bulk ingest (see extract-pool.ts): texts in, extractions out. The extraction
// core is pure, so a worker gives the same records as the main thread; it runs from dist/ like the rest.
import { parentPort } from "node:worker_threads";
import { extract } from "../nlp/pipeline";
import type { ExtractJob, ExtractReply, ExtractOutcome } from "./extract-pool";

function run(text: string): ExtractOutcome {
  try {
    return { ok: extract(text) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on("message", (job: ExtractJob) => {
  const reply: ExtractReply = { id: job.id, results: job.texts.map(run) };
  parentPort!.postMessage(reply);
});
