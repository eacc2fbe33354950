// PostgreSQL mode: a real PostgreSQL (Debian's packages) started by this test in a temp dir as the
// unprivileged "postgres" user, the indexer started through indexer/scripts/start.ts with
// DATABASE_URL, results checked against the chain's logs.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { deploySeeder, seed } from "../../bench/seeder";
import {
  assertIndexMatchesChain,
  deploy,
  freePort,
  getJson,
  type Json,
  killAll,
  protocol,
  REPO,
  scaled,
  startAnvil,
  started,
  stop,
  tempDir,
  waitExit,
  waitForSync,
} from "./helpers";
import { type Postgres, postgresMissing, startPostgres } from "./pg";

describe("PostgreSQL mode", { timeout: scaled(600_000), skip: postgresMissing }, () => {
  let pg: Postgres | null = null;
  after(() => {
    killAll();
    pg?.stop();
  });

  it("indexes into a real PostgreSQL and matches the chain", async () => {
    const dir = tempDir("pg");
    pg = await startPostgres(dir);
    const databaseUrl = pg.url;

    const chain = await startAnvil(await freePort(), ["--gas-limit", "1000000000"]);
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
    await p.certificate(m, 0, 1000n, "PG-1");

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
    started.push(wrapper);
    const indexer = { url: `http://127.0.0.1:${indexerPort}`, child: wrapper, log: logFile };
    await waitForSync(indexer, await chain.client.getBlockNumber());
    const result = await assertIndexMatchesChain(indexer, chain, deployed);
    assert.equal(result.attestations, 1001);
    const stats = (await getJson<Json>(`${indexer.url}/api/v1/stats`)).body.stats;
    assert.equal(stats.models, 201);
    const model = (await getJson<Json>(`${indexer.url}/api/v1/models/${m}`)).body;
    assert.equal(model.certificates[0].status, "CONFIRMED");
    // The tables really live in PostgreSQL, in the schema named after the chain identity and the
    // code version, and the views schema points at them.
    const schemas = pg.psql(
      "select schema_name from information_schema.schemata where schema_name like 'gp_31337_%'",
    );
    assert.match(schemas, /^gp_31337_[0-9a-f]{8}_[0-9a-f]{8}_[0-9a-f]{8}$/m);
    assert.equal(pg.psql("select count(*) from greenprint_31337.model").trim(), "201");
    stop(wrapper, "SIGTERM");
    await waitExit(wrapper);
  });
});

if (postgresMissing) console.log(`# skipping PostgreSQL mode: ${postgresMissing}`);
