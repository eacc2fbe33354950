// `npm test`: every check a change must pass, in order, each printing its own summary.
// All steps run even when one fails, so one CI run shows every problem; exits non-zero if any failed.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { foundryBin } from "./lib/foundry";
import { bin } from "./lib/processes";

/** *.test.ts files of some folders (node 20's test runner does not expand globs itself). */
function testFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => path.join(dir, f)),
  );
}

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
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
    args: ["--import", "tsx", "--test", "--test-concurrency=1", ...testFiles("test/sdk", "test/cli")],
  },
  {
    name: "indexer (node:test + anvil + ponder, PGlite and PostgreSQL)",
    command: process.execPath,
    args: ["--import", "tsx", "--test", "--test-concurrency=1", ...testFiles("test/indexer")],
  },
  { name: "end-to-end (playwright + anvil)", command: bin("tsx"), args: ["test/e2e/run.ts"] },
  // Last: coverage builds without the optimizer, which the steps above should not wait for.
  {
    name: "coverage (forge coverage, 100% lines, >= 95% branches)",
    command: bin("tsx"),
    args: ["script/coverage.ts"],
  },
];

function runStep(step: Step): Promise<boolean> {
  return new Promise((resolve) => {
    console.log(`\n=== ${step.name}`);
    const child = spawn(step.command, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
    child.on("error", (error) => {
      console.error(error.message);
      resolve(false);
    });
    child.on("exit", (code) => resolve(code === 0));
  });
}

const only = process.argv.slice(2);
const failed: string[] = [];
let passed = 0;
const started = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.includes(o))) continue;
  const stepStarted = Date.now();
  const ok = await runStep(step);
  console.log(
    `=== ${step.name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - stepStarted) / 1000).toFixed(0)} s)`,
  );
  if (ok) passed++;
  else failed.push(step.name);
}
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failed.length > 0) console.log(`failed steps: ${failed.join(", ")}`);
console.log(`steps: ${passed} passed, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
