// The processes the indexer tests and the bench start (anvil, indexers, routers), how long to wait
// for them on a loaded machine, and free ports.
import type { ChildProcess } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { freePort } from "../../script/lib/ports";

export const REPO = path.resolve(import.meta.dirname, "..", "..");

/** Every child process started for the tests, killed by killAll. */
export const started: ChildProcess[] = [];

/** Kills every child this harness started (process groups), e.g. in `after`. */
export function killAll() {
  for (const child of started) stop(child, "SIGKILL");
}

export function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function waitExit(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve));
}

export { tempDir } from "../../script/lib/tempDir";

/**
 * How much slower than idle this machine is now (>= 1): the run queue per core. Used for safety
 * nets against hangs (suite timeouts), never as the reason a wait ends: waits follow events.
 */
export function slowdown(): number {
  return Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());
}

/** `ms` scaled with the machine's current load. */
export function scaled(ms: number): number {
  return Math.round(ms * slowdown());
}

/**
 * Polls `check` until it returns a truthy value. Gives up only when nothing has moved for
 * `stallMs` (scaled with the load): `progress` (e.g. an indexer's log size and synced block)
 * changing counts as movement, so a slow but working machine never fails a wait.
 */
async function until<T>(
  what: string,
  stallMs: number,
  check: () => Promise<T | undefined | null | false>,
  progress: () => unknown = () => null,
): Promise<T> {
  let lastMove = Date.now();
  let lastProgress = JSON.stringify(progress());
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if ((error as { fatal?: boolean }).fatal) throw error;
      last = error;
    }
    const now = JSON.stringify(progress());
    if (now !== lastProgress) {
      lastProgress = now;
      lastMove = Date.now();
    }
    const waited = Date.now() - lastMove;
    if (waited > scaled(stallMs)) {
      const cause = last ? `: ${(last as Error).message}${causeOf(last)}` : "";
      throw new Error(`nothing moved for ${waited} ms while waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ? ` (${cause.message})` : "";
}

/** An error that ends a wait at once (e.g. the process it waits for has exited). */
export function fatal(message: string): Error {
  return Object.assign(new Error(message), { fatal: true });
}

export { freePort, until };
