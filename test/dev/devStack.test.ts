// `npm run dev` as a user runs it, on ports of their choosing (ANVIL_PORT, PORT, INDEXER_PORT):
// the app's public API answers through its proxy to the indexer, an idle chain's clock moves on
// its own (so a challenge window ends without anyone mining), public pages say when the indexer is
// unreachable, and Ctrl-C leaves nothing running.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { createPublicClient, http } from "viem";

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
      PGLITE_BASE_DIR: mkdtempSync(path.join(tmpdir(), "greenprint-dev-test-")),
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
