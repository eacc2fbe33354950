// Spawns `node bin/greenprint.js` as a user would, with a controlled environment.
import { execFile } from "node:child_process";
import path from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is JSON (loosely typed for assertions). */
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON paths
  json: any;
}

const BIN = path.resolve("bin/greenprint.js");

export function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("GREENPRINT_")) clean[k] = v;
  }
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: clean as NodeJS.ProcessEnv, timeout: 60_000 },
      (error, stdout, stderr) => {
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i] as T);
      }
    }),
  );
  return results;
}

/**
 * Runs the CLI's `main` in this process (same code path after argument parsing, no start-up
 * cost), capturing stdout and stderr and setting the environment for the call only.
 */
export async function cliInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const { main } = await import("../../cli/main");
  const { io } = await import("../../cli/output");
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith("GREENPRINT_")) delete process.env[k];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
  let stdout = "";
  let stderr = "";
  const { out, err } = io;
  io.out = (s) => {
    stdout += s;
  };
  io.err = (s) => {
    stderr += s;
  };
  let code: number;
  try {
    code = await main(args);
  } finally {
    io.out = out;
    io.err = err;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { code, stdout, stderr, json };
}
