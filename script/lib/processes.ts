// Child processes for the dev and test orchestrators: each child runs in its own process
// group so that Ctrl-C (or a crash of the orchestrator) stops it and everything it spawned.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

const children = new Set<ChildProcess>();

export interface ChildOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Where stdout/stderr go: "inherit" prints with a name prefix, a path writes a log file. */
  output?: "inherit" | string;
  /** Lines to drop from inherited output (known noise that would only confuse a reader). */
  quiet?: RegExp;
}

/** Starts a long-running child (anvil, next, the indexer) tracked for shutdown. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: ChildOptions = {},
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  if (options.output && options.output !== "inherit") {
    mkdirSync(path.dirname(options.output), { recursive: true });
    const log = createWriteStream(options.output);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  } else {
    const prefix = `[${name}] `;
    const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (line.trim() && !options.quiet?.test(line)) stream.write(`${prefix}${line}\n`);
      }
    };
    child.stdout?.on("data", relay(process.stdout));
    child.stderr?.on("data", relay(process.stderr));
  }
  return child;
}

/** Runs a command to completion; rejects with its output when it exits non-zero. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output}`));
    });
  });
}

/** Sends SIGTERM to every tracked child's process group, then SIGKILL to what is left. */
export async function stopAll(): Promise<void> {
  const alive = [...children];
  for (const child of alive) signalGroup(child, "SIGTERM");
  const deadline = Date.now() + 5000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children) signalGroup(child, "SIGKILL");
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every child on Ctrl-C, SIGTERM or an uncaught error, then exits. */
export function stopChildrenOnExit(): void {
  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    stopAll().finally(() => process.exit(code));
  };
  process.on("SIGINT", () => shutdown(130));
  process.on("SIGTERM", () => shutdown(143));
  process.on("uncaughtException", (error) => {
    console.error(error);
    shutdown(1);
  });
  process.on("unhandledRejection", (error) => {
    console.error(error);
    shutdown(1);
  });
}

/** Binaries installed by npm, called directly so no `npx` process sits in between. */
export function bin(name: string): string {
  if (name === "forge" || name === "anvil" || name === "cast") {
    throw new Error(
      `bin("${name}") is npm's wrapper, which exits 0 whatever ${name} returned: use foundryBin`,
    );
  }
  return path.join(process.cwd(), "node_modules", ".bin", name);
}
