// The steps of `npm test` and the one runner that judges them by exit code. script/test.ts runs
// them in order; script/selfcheck.ts runs the same commands on deliberately broken inputs to prove
// that each one can fail.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { foundryBin } from "./foundry";
import { bin } from "./processes";

export interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
}

/** *.test.ts files of some folders, in a stable order. */
function testFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .sort()
      .map((f) => path.join(dir, f)),
  );
}

/** node's own test runner with TypeScript through tsx, one file at a time (they share ports). */
export const nodeTest = (files: string[]) => ["--import", "tsx", "--test", "--test-concurrency=1", ...files];

export const steps: Step[] = [
  {
    name: "self-check (every step fails on a broken input)",
    command: bin("tsx"),
    args: ["script/selfcheck.ts"],
  },
  // The README's quick start begins with `npm install`, which re-resolves peer dependencies that
  // `npm ci` (from the lockfile) never checks: a conflict broke it unseen once. Every dependency's
  // install script must be reviewed in package.json's allowScripts (npm 12 skips unreviewed ones;
  // npm 11 runs them with a warning), so the suite runs what a user's npm runs.
  {
    name: "install resolves (npm install --dry-run, the quick start's first command)",
    command: "npm",
    args: ["install", "--dry-run", "--no-audit", "--no-fund", "--strict-allow-scripts"],
  },
  { name: "lint (biome)", command: bin("biome"), args: ["check", "."] },
  { name: "format (forge fmt)", command: foundryBin("forge"), args: ["fmt", "--check"] },
  { name: "lint (solhint)", command: bin("solhint"), args: ["--max-warnings", "0", "contracts/**/*.sol"] },
  { name: "codegen (forge build + wagmi)", command: bin("wagmi"), args: ["generate"] },
  { name: "typecheck (tsc)", command: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.check.json"] },
  // The indexer has its own tsconfig (Ponder's virtual modules); the app's check excludes it.
  { name: "typecheck indexer (tsc)", command: bin("tsc"), args: ["--noEmit", "-p", "indexer"] },
  { name: "contracts (forge test)", command: foundryBin("forge"), args: ["test"] },
  {
    name: "gas snapshot (forge snapshot --check)",
    command: foundryBin("forge"),
    args: ["snapshot", "--match-contract", "GasTest", "--check"],
    // Gas is measured with the default profile's settings, whatever profile CI tests with.
    env: { FOUNDRY_PROFILE: "default" },
  },
  { name: "unit (vitest)", command: bin("vitest"), args: ["run"] },
  {
    name: "sdk and cli (node:test + anvil)",
    command: process.execPath,
    args: nodeTest(testFiles("test/sdk", "test/cli")),
  },
  {
    name: "dev stack (npm run dev on custom ports, node:test)",
    command: process.execPath,
    args: nodeTest(testFiles("test/dev")),
  },
  {
    name: "indexer (node:test + anvil + ponder, PGlite and PostgreSQL)",
    command: process.execPath,
    args: nodeTest(testFiles("test/indexer")),
  },
  { name: "end-to-end (playwright + anvil)", command: bin("tsx"), args: ["test/e2e/run.ts"] },
  // Last: coverage builds without the optimizer, which the steps above should not wait for.
  {
    name: "coverage (forge coverage, 100% lines, >= 95% branches)",
    command: bin("tsx"),
    args: ["script/coverage.ts"],
  },
];

/** A step by (part of) its name; throws if none matches, so a renamed step cannot go unchecked. */
export function stepNamed(part: string): Step {
  const step = steps.find((s) => s.name.includes(part));
  if (!step) throw new Error(`no npm test step named like "${part}"`);
  return step;
}

/**
 * Runs a step to its end and tells whether it passed (exit code 0). With `quiet`, its output is
 * kept and returned instead of printed.
 */
export function runStep(
  step: Step,
  options: { quiet?: boolean } = {},
): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: step.cwd,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...step.env },
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
    child.on("exit", (code) => resolve({ ok: code === 0, output }));
  });
}
