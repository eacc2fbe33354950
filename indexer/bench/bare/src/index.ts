// The reference point of the indexer benchmark: handlers that do nothing, registered for exactly
// the events Greenprint's handlers (one file per contract in indexer/src) listen to, so Ponder
// fetches, stores and dispatches the same logs. What Greenprint takes beyond this is its own
// handlers' cost.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ponder } from "ponder:registry";

// Ponder runs with this app's directory as the working directory (bench/run.ts starts it so).
const handlers = path.resolve(process.cwd(), "..", "..", "src");
const names = new Set<string>();
for (const file of readdirSync(handlers).filter((f) => f.endsWith(".ts"))) {
  const source = readFileSync(path.join(handlers, file), "utf8");
  for (const m of source.matchAll(/ponder\.on\(\s*"([^"]+)"/g)) names.add(m[1] as string);
}
if (names.size === 0) throw new Error(`no ponder.on(...) found in ${handlers}`);
const registry = ponder as unknown as { on(name: string, handler: () => Promise<void>): void };
for (const name of names) registry.on(name, async () => {});
