// Placeholder until the storage layer lands: ingest and serve.
export async function runIngest(args: string[]): Promise<number> {
  void args;
  process.stderr.write("whosaid ingest: not built yet\n");
  return 2;
}
export async function runServe(args: string[]): Promise<number> {
  void args;
  process.stderr.write("whosaid serve: not built yet\n");
  return 2;
}
