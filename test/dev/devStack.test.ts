// `npm run dev` as a user runs it, on ports of their choosing (ANVIL_PORT, PORT, INDEXER_PORT):
// the app's public API answers through its proxy to the indexer, an idle chain's clock moves on
// its own (so a challenge window ends without anyone mining), docs/walkthrough.md runs as written
// with the packed CLI installed outside the repository, public pages say when the indexer is
// unreachable, and Ctrl-C leaves nothing running.
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { createPublicClient, http } from "viem";
import { tempDir } from "../../script/lib/tempDir";

const REPO = path.resolve(import.meta.dirname, "..", "..");
const BLOCK_SECONDS = 2;

/** A port nobody listens on, from the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

let dev: ChildProcess;
let output = "";
let exited: number | null | undefined;
let ports: { anvil: number; app: number; indexer: number };

/** Resolves when `check` holds; fails at once with the dev log if `npm run dev` exits meanwhile. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 300_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (exited !== undefined)
      assert.fail(`npm run dev exited (${exited}) while waiting for ${what}:\n${output}`);
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`timed out waiting for ${what}${last ? ` (${(last as Error).message})` : ""}:\n${output}`);
}

async function waitForExit(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (exited === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(60_000) });

before(async () => {
  ports = { anvil: await freePort(), app: await freePort(), indexer: await freePort() };
  dev = spawn("npm", ["run", "dev"], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ANVIL_PORT: String(ports.anvil),
      PORT: String(ports.app),
      INDEXER_PORT: String(ports.indexer),
      DEV_BLOCK_SECONDS: String(BLOCK_SECONDS),
      // Its own index, apart from a developer's running `npm run dev`.
      PGLITE_BASE_DIR: tempDir("dev-test"),
    },
  });
  dev.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  dev.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  dev.on("exit", (code) => {
    exited = code;
  });
  await until("the dev stack to be ready", async () => (output.includes("ready: open") ? true : undefined));
});

after(async () => {
  if (exited === undefined && dev.pid) {
    process.kill(-dev.pid, "SIGINT");
    await waitForExit(30_000);
  }
});

test("the app's public API answers through its proxy to the indexer on custom ports", async () => {
  // What the dev stack says it seeded, and the chain's head once it had.
  const seeded = /(\d+) models, (\d+) attestations/.exec(output);
  assert.ok(seeded, "npm run dev reports what it seeded");
  const chain = createPublicClient({ transport: http(`http://127.0.0.1:${ports.anvil}`) });
  const seededBy = await chain.getBlockNumber({ cacheTime: 0 });
  const stats = await until("/api/v1/stats through the app, synced past the seeding", async () => {
    const response = await get(`http://127.0.0.1:${ports.app}/api/v1/stats`);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as {
      sync: { block: { number: number } };
      stats: { models: number };
    };
    return BigInt(body.sync.block.number) >= seededBy ? body : undefined;
  });
  assert.equal(stats.stats.models, Number(seeded[1]), "every seeded model is indexed");
  const models = await get(`http://127.0.0.1:${ports.app}/models`);
  assert.equal(models.status, 200);
  assert.match(await models.text(), /GPT-3/);
  // SPEC 4 (v1.1): the published training tokens are attested as workUnits of the PRETRAINING attestation
  const listed = await get(
    `http://127.0.0.1:${ports.app}/api/v1/attestations?status=SUBMITTED,VERIFIED,FINAL&pageSize=100`,
  );
  const { attestations } = (await listed.json()) as {
    attestations: { modelName: string; kind: string; workUnits: string }[];
  };
  const gpt3 = attestations.find((a) => a.modelName === "GPT-3 (175B)");
  assert.deepEqual([gpt3?.kind, gpt3?.workUnits], ["PRETRAINING", "300000000000"]);
  assert.equal(attestations.find((a) => a.modelName === "Evolved Transformer NAS")?.workUnits, "0");
  // SPEC 9 (v1.1): the seeded footprints' training efficiency, self-reported: GPT-3 4.09 Wh/PFLOP, BLOOM 1.12.
  const board = await get(
    `http://127.0.0.1:${ports.app}/api/v1/leaderboard?include=self-reported&sort=efficiency&pageSize=100`,
  );
  const { rows } = (await board.json()) as {
    rows: {
      name: string;
      counting: string;
      efficiency: { mWhPerPflop: string | null; rating: string | null };
    }[];
  };
  const efficiency = (name: string) => rows.find((r) => r.name === name)?.efficiency;
  assert.equal(efficiency("GPT-3 (175B)")?.mWhPerPflop, "4085");
  assert.equal(efficiency("BLOOM (176B)")?.mWhPerPflop, "1120");
  assert.equal(
    efficiency("Evolved Transformer NAS")?.mWhPerPflop ?? null,
    null,
    "no tokens published: no figure",
  );
  assert.match(efficiency("GPT-3 (175B)")?.rating ?? "", /^([A-E]|not enough peers)$/);
  const page = await (await get(`http://127.0.0.1:${ports.app}/leaderboard`)).text();
  assert.match(page, /4\.09 Wh\/PFLOP/);
  assert.match(page, /1\.12 Wh\/PFLOP/);
});

test("an idle dev chain keeps mining, so time moves without transactions", async () => {
  const chain = createPublicClient({ transport: http(`http://127.0.0.1:${ports.anvil}`) });
  const start = await chain.getBlock({ blockTag: "latest" });
  // No transaction is sent: only the dev stack's clock can add these blocks.
  const later = await until(
    "two idle blocks",
    async () => {
      const head = await chain.getBlock({ blockTag: "latest" });
      return head.number >= start.number + 2n ? head : undefined;
    },
    BLOCK_SECONDS * 1000 * 10,
  );
  assert.equal(later.transactions.length, 0);
  assert.ok(later.timestamp > start.timestamp, "block time advanced");
});

/** The CLI the walkthrough installed and the attestation it made (for the timing test). */
let walkthrough: { bin: string; attestationId: string } | undefined;

/** The `sh` blocks of a Markdown document, in order. */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

/** Runs a command; resolves with its exit code and output (never rejects). */
function run(
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env, timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The user's environment without the developer's own GREENPRINT_ settings. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("GREENPRINT_") && k !== "PUBLIC_APP_URL") env[k] = v;
  }
  return { ...env, ...extra } as unknown as NodeJS.ProcessEnv;
}

test("docs/walkthrough.md runs as written: packed CLI in an empty directory, register, attest, verify, wait, claim, badge", async () => {
  const blocks = shellBlocks(readFileSync(path.join(REPO, "docs", "walkthrough.md"), "utf8"));
  assert.ok(blocks.length >= 7, `the walkthrough's shell blocks (${blocks.length})`);
  const home = tempDir("walkthrough");
  const script = [
    "set -euo pipefail",
    ...blocks.flatMap((b, i) => [`echo "::walkthrough step ${i + 1}" >&2`, b]),
  ].join("\n");
  writeFileSync(path.join(home, "walkthrough.sh"), script);
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const env = userEnv({
    REPO,
    HOME: home,
    GREENPRINT_RPC_URL: `http://127.0.0.1:${ports.anvil}`,
    GREENPRINT_APP_URL: appUrl,
  });
  const r = await run("bash", [path.join(home, "walkthrough.sh")], { cwd: home, env, timeoutMs: 600_000 });
  assert.equal(r.code, 0, `the walkthrough failed:\n${r.stdout}\n${r.stderr}`);

  const modelId = Number(/registered model (\d+)/.exec(r.stdout)?.[1]);
  assert.ok(modelId > 17, `a new model, not a seeded one (${modelId})`);
  assert.match(r.stdout, /emissions +0\.542 kg CO2e total/);
  assert.match(r.stdout, new RegExp(`model page +${appUrl}/models/${modelId}`));
  assert.match(r.stdout, /status +FINAL/);
  assert.match(r.stdout, /✓ Reward of 0x[0-9a-f]{64} claimed/);
  const demo = path.join(home, "greenprint-demo");
  const card = readFileSync(path.join(demo, "model-card.txt"), "utf8");
  assert.match(card, /^co2_eq_emissions:\n {2}emissions: 542\n/m);
  assert.match(card, /training_type: pre-training/);
  assert.doesNotMatch(card, /hardware_used: not stated/, "hardware from the uploaded evidence");
  assert.ok(
    card.includes(
      `[![Greenprint grade](${appUrl}/api/v1/badge/${modelId}.svg)](${appUrl}/models/${modelId})`,
    ),
    card,
  );

  // "Running the same command again is refused …, naming the attestation … with its dates."
  const attestationId = /^ {2}attestation {2}(0x[0-9a-f]{64})$/m.exec(r.stdout)?.[1];
  assert.ok(attestationId, "the attestation id in the output");
  walkthrough = {
    bin: path.join(demo, "node_modules", ".bin", "greenprint"),
    attestationId: attestationId as string,
  };
  const again = await run(
    path.join(demo, "node_modules", ".bin", "greenprint"),
    [
      "attest",
      "--model",
      String(modelId),
      "--kind",
      "pretraining",
      "--codecarbon",
      "emissions.csv",
      "--upload",
    ],
    {
      cwd: demo,
      env: {
        ...env,
        GREENPRINT_PRIVATE_KEY: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
      },
      timeoutMs: 60_000,
    },
  );
  assert.equal(again.code, 1, again.stderr);
  assert.match(
    again.stderr,
    new RegExp(
      `already attested by attestation ${attestationId} \\(2023-07-24 [0-9:]+ – [0-9:]+ UTC, FINAL\\)`,
    ),
  );
});

test("the installed CLI answers --help in under 1 s and status in under 2 s on the local chain", async () => {
  assert.ok(walkthrough, "the walkthrough installed the CLI and attested");
  const env = userEnv({ GREENPRINT_RPC_URL: `http://127.0.0.1:${ports.anvil}` });
  const time = async (args: string[]) => {
    const started = performance.now();
    const r = await run(walkthrough?.bin as string, args, { cwd: tmpdir(), env, timeoutMs: 30_000 });
    return { ...r, ms: performance.now() - started };
  };
  const help = await time(["--help"]);
  assert.equal(help.code, 0, help.stderr);
  const status = await time(["status", walkthrough.attestationId]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /status +FINAL/);
  console.log(`installed greenprint: --help ${help.ms.toFixed(0)} ms, status ${status.ms.toFixed(0)} ms`);
  // Bounds with room for a loaded 2-core machine; bench/README.md records quiet-machine figures.
  assert.ok(help.ms < 2000, `--help took ${help.ms.toFixed(0)} ms`);
  assert.ok(status.ms < 4000, `status took ${status.ms.toFixed(0)} ms`);
});

/** The indexer process of this dev stack (its environment names our INDEXER_PORT). */
function indexerPid(): number {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (cmdline.includes("indexer/scripts/start.ts") && environ.includes(`INDEXER_PORT=${ports.indexer}`)) {
        return Number(entry);
      }
    } catch {
      // a process that ended meanwhile
    }
  }
  throw new Error("the dev stack's indexer process was not found");
}

test("public pages say the indexer is unreachable when it is", async () => {
  process.kill(-indexerPid(), "SIGKILL");
  await until("the indexer to stop", async () =>
    (await fetch(`http://127.0.0.1:${ports.indexer}/api/v1/status`).then(
      () => false,
      () => true,
    ))
      ? true
      : undefined,
  );
  for (const page of ["/", "/leaderboard", "/models", "/verifiers"]) {
    const html = await (await get(`http://127.0.0.1:${ports.app}${page}`)).text();
    assert.match(
      html,
      /role="alert"[^>]*>The indexer at [^<]* did not answer/,
      `${page} says the indexer is down`,
    );
    assert.doesNotMatch(
      html,
      /No verified footprint has passed|No models registered yet|No verifiers yet/,
      page,
    );
  }
});

test("Ctrl-C stops anvil, the indexer and Next", async () => {
  assert.ok(dev.pid);
  process.kill(-dev.pid, "SIGINT");
  await waitForExit(30_000);
  assert.notEqual(exited, undefined, "npm run dev exits on Ctrl-C");
  for (const port of [ports.anvil, ports.app]) {
    const refused = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) }).then(
      () => false,
      () => true,
    );
    assert.ok(refused, `nothing answers on port ${port} after Ctrl-C`);
  }
});
