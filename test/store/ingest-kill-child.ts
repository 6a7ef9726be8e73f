// A bulk ingest run as a child process by ingest-kill.test.ts, to be SIGKILLed: batches of
// `batchSize` articles of harbourCorpus(n) into `db`, printing "done N" after each batch.
import { openDb } from "../../src/store/db";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { FIXED_NOW } from "../fixtures/corpus";
import { harbourCorpus } from "./ingest-corpus";

const [file, n, size] = process.argv.slice(2);
const db = openDb(file!);
const articles = harbourCorpus(Number(n));
const summary = ingestItemsSync(db, articles.map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } })), {
  now: FIXED_NOW,
  batchSize: Number(size),
  onProgress: (done) => process.stdout.write(`done ${done}\n`),
});
db.close();
process.stdout.write(`finished ${summary.created}\n`);
