// The reference point of the indexer benchmark: handlers that do nothing, registered for exactly
// the events Greenprint's handlers (indexer/src/index.ts) listen to, so Ponder fetches, stores and
// dispatches the same logs. What Greenprint takes beyond this is its own handlers' cost.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ponder } from "ponder:registry";

// Ponder runs with this app's directory as the working directory (bench/run.ts starts it so).
const source = readFileSync(path.resolve(process.cwd(), "..", "..", "src", "index.ts"), "utf8");
const names = new Set([...source.matchAll(/ponder\.on\(\s*"([^"]+)"/g)].map((m) => m[1] as string));
if (names.size === 0) throw new Error("no ponder.on(...) found in indexer/src/index.ts");
const registry = ponder as unknown as { on(name: string, handler: () => Promise<void>): void };
for (const name of names) registry.on(name, async () => {});
