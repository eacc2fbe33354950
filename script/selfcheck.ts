// The first step of `npm test`: proves that every other step can fail. Each step's own command
// (the same binary, the same arguments, through the same runner, script/lib/steps.ts) runs twice
// in a small project of its own: on a good input it must pass, on a deliberately broken one
// (a format violation, a lint error, a type error, a failing test, a stale gas snapshot, a
// coverage shortfall, a contract that does not compile) it must exit non-zero. A tool or wrapper
// that exits 0 whatever it found (as npm's Foundry wrapper did) fails this step.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { foundryBin } from "./lib/foundry";
import { runStep, type Step, stepNamed } from "./lib/steps";
import { tempDir } from "./lib/tempDir";

const REPO = path.resolve(import.meta.dirname, "..");
/** Inside the repository, so fixtures resolve the project's node_modules (gitignored). */
const ROOT = path.join(REPO, ".selfcheck");

type Files = Record<string, string>;

interface Case {
  /** Part of the npm test step's name. */
  step: string;
  /** What the broken input is, for the report. */
  broken: string;
  good: Files;
  bad: Files;
  /** Arguments instead of the step's own (only where the step names a path of this repository). */
  args?: (dir: string) => string[];
  /** Run from the repository instead of the fixture folder (the step takes the fixture as an argument). */
  fromRepo?: boolean;
  /** Outside the repository (a tool that would apply this repository's ignore files to it). */
  outside?: boolean;
  /** Prepares the good fixture (e.g. records a gas snapshot) and derives the broken one's files. */
  prepare?: (goodDir: string) => Promise<Files>;
}

/**
 * vite 8 declares esbuild ^0.27 || ^0.28 as an optional peer: 0.25 conflicts with it. esbuild has a
 * postinstall script, which the project's allowScripts must name (reviewed) or the install fails.
 */
const packageJson = (esbuild: string, allowScripts: Record<string, boolean> | null = { esbuild: false }) =>
  `${JSON.stringify({ name: "fixture", version: "1.0.0", private: true, devDependencies: { esbuild, vite: "8.3.8" }, ...(allowScripts ? { allowScripts } : {}) }, null, 2)}\n`;

const SOLC = path.join(REPO, "script", "tools", "solc");
const foundryToml = `[profile.default]
src = "src"
test = "test"
out = "out"
cache_path = "cache"
libs = []
solc = "${SOLC}"
offline = true
auto_detect_solc = false
`;
const pragma = "// SPDX-License-Identifier: MIT\npragma solidity 0.8.30;\n";
const counter = `${pragma}
contract Counter {
    uint256 public count;

    function add(uint256 amount) external returns (uint256) {
        if (amount == 0) return count;
        count += amount;
        return count;
    }
}
`;
const counterTest = (body: string) => `${pragma}
import {Counter} from "../src/Counter.sol";

contract GasTest {
    function test_Add() public {
        Counter counter = new Counter();
        ${body}
    }
}
`;
const forgeProject = (testBody: string, extra: Files = {}): Files => ({
  "foundry.toml": foundryToml,
  "src/Counter.sol": counter,
  "test/Counter.t.sol": counterTest(testBody),
  ...extra,
});
const coversBoth = 'require(counter.add(2) == 2, "sum");\n        require(counter.add(0) == 2, "unchanged");';

const tsconfig = JSON.stringify({
  compilerOptions: {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: "esnext",
    target: "es2022",
  },
  include: ["*.ts"],
});
const biomeConfig = readFileSync(path.join(REPO, "biome.json"), "utf8");
const nodeTestFile = (assertion: string) =>
  `import assert from "node:assert/strict";\nimport test from "node:test";\n\ntest("sum", () => {\n  ${assertion};\n});\n`;

const cases: Case[] = [
  {
    step: "lint (biome)",
    broken: "a lint error (debugger statement)",
    outside: true,
    good: {
      "biome.json": biomeConfig,
      ".gitignore": "",
      "ok.ts": "export const sum = (a: number, b: number) => a + b;\n",
    },
    // The project's biome.json reads .gitignore through git: the fixture is a git checkout too.
    prepare: async (goodDir) => {
      execFileSync("git", ["init", "-q"], { cwd: goodDir });
      return {};
    },
    bad: { "bad.ts": "export function sum(a: number, b: number) {\n  debugger;\n  return a + b;\n}\n" },
  },
  {
    step: "format (forge fmt)",
    broken: "a Solidity format violation",
    good: { "foundry.toml": foundryToml, "src/Counter.sol": counter },
    bad: {
      "foundry.toml": foundryToml,
      "src/Counter.sol": counter.replace("uint256 public count;", "uint256   public count ;"),
    },
  },
  {
    step: "lint (solhint)",
    broken: "a revert string instead of a custom error",
    good: {
      ".solhint.json": readFileSync(path.join(REPO, ".solhint.json"), "utf8"),
      "contracts/Counter.sol": counter,
    },
    bad: {
      ".solhint.json": readFileSync(path.join(REPO, ".solhint.json"), "utf8"),
      "contracts/Counter.sol": counter.replace(
        "if (amount == 0) return count;",
        'require(amount > 0, "zero");',
      ),
    },
  },
  {
    step: "codegen",
    broken: "a contract that does not compile",
    good: {
      ...forgeProject(coversBoth),
      "wagmi.config.ts": `import { defineConfig } from "@wagmi/cli";
import { foundry } from "@wagmi/cli/plugins";
export default defineConfig({
  out: "generated.ts",
  plugins: [foundry({ project: ".", forge: { path: ${JSON.stringify(foundryBin("forge"))}, build: true, rebuild: false } })],
});
`,
    },
    prepare: async () => ({ "src/Counter.sol": counter.replace("count += amount;", "count += amount") }),
    bad: {},
  },
  {
    step: "typecheck (tsc)",
    broken: "a type error",
    good: { "tsconfig.check.json": tsconfig, "ok.ts": "export const n: number = 1;\n" },
    bad: { "tsconfig.check.json": tsconfig, "bad.ts": 'export const n: number = "one";\n' },
  },
  {
    step: "typecheck indexer",
    broken: "a type error",
    good: { "indexer/tsconfig.json": tsconfig, "indexer/ok.ts": "export const n: number = 1;\n" },
    bad: { "indexer/tsconfig.json": tsconfig, "indexer/bad.ts": 'export const n: number = "one";\n' },
  },
  {
    step: "contracts (forge test)",
    broken: "a failing forge test",
    good: forgeProject('require(counter.add(2) == 2, "sum");'),
    bad: forgeProject('require(counter.add(2) == 3, "sum");'),
  },
  {
    step: "gas snapshot",
    broken: "a stale gas snapshot",
    good: forgeProject('require(counter.add(2) == 2, "sum");'),
    bad: {},
    prepare: async (goodDir) => {
      const forge = stepNamed("gas snapshot");
      const made = await runStep(
        { ...forge, args: forge.args.filter((a) => a !== "--check"), cwd: goodDir },
        { quiet: true },
      );
      if (!made.ok) throw new Error(`could not record the fixture's gas snapshot:\n${made.output}`);
      const snapshot = readFileSync(path.join(goodDir, ".gas-snapshot"), "utf8");
      return { ".gas-snapshot": snapshot.replace(/gas: (\d+)/, (_, gas) => `gas: ${Number(gas) - 1000}`) };
    },
  },
  {
    step: "install resolves",
    broken: "a peer dependency conflict (vite 8 with esbuild 0.25)",
    outside: true,
    good: { "package.json": packageJson("0.28.2") },
    bad: { "package.json": packageJson("0.25.12") },
  },
  {
    step: "install resolves",
    broken: "a dependency's install script nobody reviewed (esbuild missing from allowScripts)",
    outside: true,
    good: { "package.json": packageJson("0.28.2") },
    bad: { "package.json": packageJson("0.28.2", null) },
  },
  {
    step: "unit (vitest)",
    broken: "a failing unit test",
    good: {
      "test/unit/sum.test.ts":
        'import { expect, test } from "vitest";\n\ntest("sum", () => expect(1 + 1).toBe(2));\n',
    },
    bad: {
      "test/unit/sum.test.ts":
        'import { expect, test } from "vitest";\n\ntest("sum", () => expect(1 + 1).toBe(3));\n',
    },
  },
  {
    step: "sdk and cli",
    broken: "a failing node:test test",
    good: { "sum.test.ts": nodeTestFile("assert.equal(1 + 1, 2)") },
    bad: { "sum.test.ts": nodeTestFile("assert.equal(1 + 1, 3)") },
    args: (dir) => ["--import", "tsx", "--test", "--test-concurrency=1", path.join(dir, "sum.test.ts")],
  },
  {
    step: "indexer (node:test",
    broken: "a failing node:test test",
    good: { "sum.test.ts": nodeTestFile("assert.equal(1 + 1, 2)") },
    bad: { "sum.test.ts": nodeTestFile("assert.equal(1 + 1, 3)") },
    args: (dir) => ["--import", "tsx", "--test", "--test-concurrency=1", path.join(dir, "sum.test.ts")],
  },
  {
    // The browser suite's runner is a tsx script that exits with node:test's status; a full stack
    // is too slow to start here, so this proves tsx passes a script's failure on.
    step: "end-to-end",
    broken: "a script that fails (tsx must pass its status on)",
    good: { "test/e2e/run.ts": "console.log('ran');\n" },
    bad: { "test/e2e/run.ts": "throw new Error('broken');\n" },
  },
  {
    step: "coverage",
    broken: "a branch no test reaches",
    fromRepo: true,
    good: forgeProject(coversBoth),
    bad: forgeProject('require(counter.add(2) == 2, "sum");'),
    args: (dir) => ["script/coverage.ts", "--root", dir],
  },
];

function write(dir: string, files: Files) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

async function check(c: Case, index: number): Promise<string | undefined> {
  const step = stepNamed(c.step);
  const base = c.outside ? tempDir("selfcheck") : path.join(ROOT, String(index));
  const goodDir = path.join(base, "good");
  const badDir = path.join(base, "broken");
  write(goodDir, c.good);
  const derived = c.prepare ? await c.prepare(goodDir) : {};
  if (c.prepare) {
    cpSync(goodDir, badDir, { recursive: true });
    rmSync(path.join(badDir, "out"), { recursive: true, force: true });
    rmSync(path.join(badDir, "cache"), { recursive: true, force: true });
  }
  write(badDir, { ...c.bad, ...derived });
  const variant = (dir: string): Step => ({
    ...step,
    args: c.args ? c.args(dir) : step.args,
    cwd: c.fromRepo ? REPO : dir,
    // Fixtures have only forge's default profile, whatever profile the suite runs with.
    env: { ...step.env, FOUNDRY_PROFILE: "default" },
  });
  const good = await runStep(variant(goodDir), { quiet: true });
  const bad = await runStep(variant(badDir), { quiet: true });
  if (c.outside) rmSync(base, { recursive: true, force: true });
  if (!good.ok) return `${step.name}: failed on a good input, so its failures prove nothing:\n${good.output}`;
  if (bad.ok) return `${step.name}: PASSED on ${c.broken}:\n${bad.output}`;
  return undefined;
}

rmSync(ROOT, { recursive: true, force: true });
const problems: string[] = [];
// `tsx script/selfcheck.ts <step name part>` checks only the matching steps.
const only = process.argv[2];
for (const [index, c] of cases.entries()) {
  if (only && !c.step.includes(only)) continue;
  const started = Date.now();
  const problem = await check(c, index).catch((error: Error) => `${c.step}: ${error.message}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${problem ? "✗" : "✓"} ${c.step}: passes on a good input, fails on ${c.broken} (${seconds} s)`,
  );
  if (problem) problems.push(problem);
}
rmSync(ROOT, { recursive: true, force: true });
for (const problem of problems) console.error(`\n${problem}`);
const checked = only ? cases.filter((c) => c.step.includes(only)).length : cases.length;
if (checked === 0) throw new Error(`no self-check case for a step named like "${only}"`);
console.log(`self-check: ${checked - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length > 0 ? 1 : 0);
