// One indexer run of the bench: Greenprint's indexer or the bare Ponder app of the same events, on a chain,
// timed from spawn to the chain head (start-up included) beside Ponder's own backfill figure.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  type Chain,
  type Deployed,
  fatal,
  freePort,
  getJson,
  type Indexer,
  REPO,
  startIndexer,
  stop,
  until,
  waitExit,
} from "../test/indexer/helpers";
import { log } from "./timing";

const BARE_ROOT = path.join(REPO, "indexer", "bench", "bare");
// CPU_PROF=<dir> writes a V8 CPU profile of each Greenprint backfill run there (node --cpu-prof).
const CPU_PROF = process.env.CPU_PROF;
// BASELINE_ROOT=<dir>: another checkout's indexer/ (e.g. `git worktree` of the previous commit, or a
// copy of its indexer/ beside this one) indexed in the same run, for a before/after on the same load.
export const BASELINE_ROOT = process.env.BASELINE_ROOT ? path.resolve(process.env.BASELINE_ROOT) : undefined;

/** A file's size, 0 while it does not exist (progress shown by the waits). */
export function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Ponder's own backfill duration (its "Completed backfill indexing" log line), in seconds. */
export function ponderBackfillSeconds(logFile: string): number | null {
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes("Completed backfill indexing")) continue;
    try {
      const duration = (JSON.parse(line) as { duration?: number }).duration;
      if (typeof duration === "number") return duration / 1000;
    } catch {
      // not JSON
    }
  }
  return null;
}

/** Waits until Ponder's own /status (the same for both apps) reports `block` for the chain. */
async function waitForPonderBlock(indexer: Indexer, block: bigint) {
  await until(
    `${indexer.url} to reach block ${block} (log ${indexer.log})`,
    120_000,
    async () => {
      if (indexer.child.exitCode !== null) throw fatal(`exited; log ${indexer.log}`);
      const { status, body } = await getJson<Record<string, { block: { number: number } }>>(
        `${indexer.url}/status`,
      );
      return status === 200 && (body.chain?.block.number ?? -1) >= Number(block);
    },
    () => size(indexer.log),
  );
}

export interface Run {
  app: "greenprint" | "bare" | "baseline";
  sync: "cold" | "cached";
  /** Spawn to the head visible in /status, start-up (build, migrations) included. */
  wallSeconds: number;
  /** Ponder's "Completed backfill indexing" duration. */
  backfillSeconds: number | null;
  /**
   * CPU time (user + system) of the indexer's process until then: less sensitive than wall time
   * to the other jobs on a shared machine (PostgreSQL's own work is not in it).
   */
  cpuSeconds: number | null;
  /**
   * Ponder's own split of the backfill (its `ponder_historical_transform_duration` metric, seconds
   * per step): "index" runs the handlers, "load" flushes their rows to the database, "prefetch"
   * reads rows ahead, "commit" ends each block range's transaction. Null when /metrics did not answer.
   */
  steps: Record<string, number> | null;
}

/** Ponder's per-step backfill time from its Prometheus text at /metrics (milliseconds there). */
export function transformSteps(metrics: string): Record<string, number> | null {
  const steps: Record<string, number> = {};
  for (const match of metrics.matchAll(
    /^ponder_historical_transform_duration\{step="(\w+)"\} ([\d.e+-]+)$/gm,
  )) {
    steps[match[1] as string] = Number(match[2]) / 1000;
  }
  return Object.keys(steps).length > 0 ? steps : null;
}

async function stepsOf(indexer: Indexer): Promise<Record<string, number> | null> {
  try {
    const res = await fetch(`${indexer.url}/metrics`);
    return res.ok ? transformSteps(await res.text()) : null;
  } catch {
    return null;
  }
}

/** utime + stime of a process from /proc (Linux), in seconds; null elsewhere. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // fields[0] is the state (field 3): utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Starts one app on the chain and waits for the head; returns it running. */
export async function indexOnce(opts: {
  app: Run["app"];
  sync: Run["sync"];
  chain: Chain;
  deployed: Deployed;
  databaseUrl: string;
  dir: string;
  head: bigint;
  label: string;
}): Promise<{ run: Run; indexer: Indexer }> {
  const logFile = path.join(opts.dir, `${opts.label}-${opts.app}-${opts.sync}.log`);
  const startedAt = performance.now();
  const indexer = startIndexer({
    port: await freePort(),
    chain: opts.chain,
    deployed: opts.deployed,
    // A cached run is a new schema of the same database: only Ponder's ponder_sync tables are warm.
    schema: `${opts.label}_${opts.sync}`,
    databaseUrl: opts.databaseUrl,
    logFile,
    root: opts.app === "bare" ? BARE_ROOT : opts.app === "baseline" ? BASELINE_ROOT : undefined,
    env: {
      PONDER_DISABLE_CACHE: "0",
      ...(CPU_PROF && opts.app === "greenprint" && opts.label === "dense"
        ? {
            NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(CPU_PROF)} --cpu-prof-name=${opts.sync}.cpuprofile`,
          }
        : {}),
    },
  });
  await waitForPonderBlock(indexer, opts.head);
  const run: Run = {
    app: opts.app,
    sync: opts.sync,
    wallSeconds: (performance.now() - startedAt) / 1000,
    backfillSeconds: ponderBackfillSeconds(logFile),
    cpuSeconds: cpuSecondsOf(indexer.child.pid),
    steps: await stepsOf(indexer),
  };
  log(
    `${opts.label} ${opts.app} ${opts.sync}: head after ${run.wallSeconds.toFixed(1)} s (Ponder's backfill ${run.backfillSeconds?.toFixed(1) ?? "?"} s, CPU ${run.cpuSeconds?.toFixed(1) ?? "?"} s; ${stepsText(run.steps)})`,
  );
  return { run, indexer };
}

export async function stopIndexer(indexer: Indexer) {
  stop(indexer.child, "SIGTERM");
  await waitExit(indexer.child);
}

/** "index 4.1 s, load 1.9 s, …" from Ponder's per-step split. */
export function stepsText(steps: Run["steps"]): string {
  if (!steps) return "steps: no /metrics";
  return Object.entries(steps)
    .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
    .join(", ");
}
