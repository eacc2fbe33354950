// PostgreSQL mode: a real PostgreSQL (Debian's packages) started by this test in a temp dir as the
// unprivileged "postgres" user, the indexer started through indexer/scripts/start.ts with
// DATABASE_URL, results checked against the chain's logs.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { deploySeeder, seed } from "../../bench/seeder";
import { checkIndex } from "../../indexer/scripts/check-index";
import {
  deploy,
  freePort,
  getJson,
  killAll,
  protocol,
  REPO,
  startAnvil,
  stop,
  tempDir,
  waitExit,
  waitForSync,
} from "./helpers";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

function pgBin(name: string): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const candidate = path.join(root, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

const initdb = pgBin("initdb") ?? "";
const pgCtl = pgBin("pg_ctl") ?? "";
const missing =
  !initdb || !pgCtl ? "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install -y postgresql" : false;

function asPostgres(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

describe("PostgreSQL mode", { timeout: 180_000, skip: missing }, () => {
  let dataDir = "";
  const user = asPostgres();
  after(() => {
    killAll();
    if (dataDir) {
      try {
        execFileSync(pgCtl, ["-D", dataDir, "-m", "immediate", "stop"], { ...user, stdio: "ignore" });
      } catch {
        // already stopped
      }
    }
  });

  it("indexes into a real PostgreSQL and matches the chain", async () => {
    const dir = tempDir("pg");
    dataDir = path.join(dir, "data");
    mkdirSync(dataDir);
    if ("uid" in user) {
      chownSync(dir, user.uid, user.gid);
      chownSync(dataDir, user.uid, user.gid);
    }
    const port = 5544;
    execFileSync(initdb, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], {
      ...user,
      stdio: "ignore",
    });
    execFileSync(
      pgCtl,
      [
        "-D",
        dataDir,
        "-l",
        path.join(dir, "postgres.log"),
        "-w",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        "start",
      ],
      { ...user, stdio: "ignore" },
    );
    const databaseUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;

    const chain = await startAnvil(8617, ["--gas-limit", "1000000000"]);
    const deployed = deploy(chain, dir);
    const target = {
      rpcUrl: chain.rpcUrl,
      client: chain.client,
      modelRegistry: deployed.addresses.ModelRegistry,
      attestationRegistry: deployed.addresses.AttestationRegistry,
    };
    await seed(target, await deploySeeder(target), { models: 200, perModel: 5, verifyShare: 0.7 });
    await chain.client.request({ method: "anvil_mine" as never, params: ["0x28"] as never });
    const p = protocol(chain, deployed);
    await p.accredit();
    const m = await p.register({ parameterCount: 10n ** 9n });
    const a = await p.submit({ modelId: m });
    await p.verify(a.id);
    await p.certificate(m, 0, 1000n, "pg-1");

    const logFile = path.join(dir, "indexer.log");
    const out = openSync(logFile, "a");
    const indexerPort = await freePort();
    const wrapper = spawn(path.join(REPO, "node_modules", ".bin", "tsx"), ["indexer/scripts/start.ts"], {
      cwd: REPO,
      detached: true,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        INDEXER_PORT: String(indexerPort),
        RPC_URL: chain.rpcUrl,
        CHAIN_ID: "31337",
        DEPLOYMENTS_DIR: deployed.deploymentsDir,
        FOLLOW_CHAIN: "0",
        INDEXER_LOG_FORMAT: "json",
        METADATA_FETCH: "0",
      },
    });
    const indexer = { url: `http://127.0.0.1:${indexerPort}`, child: wrapper, log: logFile };
    await waitForSync(indexer, await chain.client.getBlockNumber(), 120_000);
    const result = await checkIndex({
      indexerUrl: indexer.url,
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      deploymentsDir: deployed.deploymentsDir,
    });
    assert.deepEqual(result.differences, []);
    assert.equal(result.attestations, 1001);
    const stats = (await getJson<Json>(`${indexer.url}/api/v1/stats`)).body.stats;
    assert.equal(stats.models, 201);
    const model = (await getJson<Json>(`${indexer.url}/api/v1/models/${m}`)).body;
    assert.equal(model.certificates[0].status, "CONFIRMED");
    // The tables really live in PostgreSQL, in the schema named after the chain identity.
    const psql = pgBin("psql");
    if (psql) {
      const schemas = execFileSync(
        psql,
        [
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          "postgres",
          "-Atc",
          "select schema_name from information_schema.schemata where schema_name like 'gp_31337_%'",
        ],
        { encoding: "utf8" },
      );
      assert.match(schemas, /^gp_31337_[0-9a-f]{8}_[0-9a-f]{8}$/m);
    }
    stop(wrapper, "SIGTERM");
    await waitExit(wrapper);
  });
});

if (missing) console.log(`# skipping PostgreSQL mode: ${missing}`);
