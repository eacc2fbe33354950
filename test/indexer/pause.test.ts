// Integration: a pause stops every challenge window (SPEC 5, v1.1) in the index as on chain. While
// paused nothing becomes Final, even after its original finalAt; after the unpause each window that
// was open when the pause began ends as many seconds later as the pause lasted. The API's status,
// the Final leaderboard and check-index (which asks the contract) agree at every step.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { attestationRegistryAbi } from "../../lib/generated/contracts";
import { Kind } from "../../lib/spec";
import {
  assertIndexMatchesChain,
  type Chain,
  type Deployed,
  deploy,
  freePort,
  getJson,
  type Indexer,
  type Json,
  killAll,
  protocol,
  scaled,
  startAnvil,
  startIndexer,
  tempDir,
  waitForSync,
} from "./helpers";

const DAY = 24 * 3600;

describe("pauses stop the challenge window in the index (PGlite)", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let deployed: Deployed;
  let indexer: Indexer;
  let p: ReturnType<typeof protocol>;
  let open: `0x${string}`;
  let done: `0x${string}`;
  let modelId: bigint;

  before(async () => {
    const dir = tempDir("pause");
    chain = await startAnvil(await freePort());
    deployed = deploy(chain, dir);
    p = protocol(chain, deployed);
    await p.accredit("verifier", "Pause Verifier");
    // a one-day window (the local deployment's 60 s leaves no room to tell the pause apart)
    await p.send(
      "admin",
      deployed.addresses.AttestationRegistry,
      attestationRegistryAbi,
      "setChallengeWindow",
      [DAY],
    );
    modelId = await p.register({ parameterCount: 1_000_000_000n });
    const doneModel = await p.register({ parameterCount: 1_000_000_000n });
    // Final before the pause: stays Final.
    done = (await p.submit({ modelId: doneModel, kind: Kind.INFERENCE })).id;
    await p.verify(done);
    await p.advance(2 * DAY);
    // Verified half a day before the pause: half its window is left when the pause begins.
    open = (await p.submit({ modelId, kind: Kind.INFERENCE })).id;
    await p.verify(open);
    await p.advance(DAY / 2);
    await p.pause();
    indexer = startIndexer({
      port: await freePort(),
      chain,
      deployed,
      schema: "pause",
      logFile: path.join(dir, "ponder.log"),
    });
  });

  after(() => killAll());

  /** Syncs the indexer to the chain's head; returns the API's status of both attestations. */
  async function statuses() {
    await waitForSync(indexer, await chain.client.getBlockNumber());
    const of = async (id: string) =>
      (await getJson<Json>(`${indexer.url}/api/v1/attestations/${id}`)).body.attestation.status;
    return { open: await of(open), done: await of(done) };
  }
  const finalBoard = async () =>
    (await getJson<Json>(`${indexer.url}/api/v1/leaderboard?pageSize=100`)).body.rows.map((r: Json) => r.id);
  const agreesWithChain = () => assertIndexMatchesChain(indexer, chain, deployed);

  it("keeps an open window open for the whole pause, past its original end", async () => {
    await p.advance(DAY); // half a day past the original end
    assert.deepEqual(await statuses(), { open: "VERIFIED", done: "FINAL" });
    assert.ok(!(await finalBoard()).includes(String(modelId)));
    await agreesWithChain();
  });

  it("after the unpause, ends the window as many seconds later as the pause lasted", async () => {
    await p.unpause(); // the pause lasted a day (plus a block or two)
    await p.advance(0.4 * DAY); // most of the half day left
    assert.deepEqual(await statuses(), { open: "VERIFIED", done: "FINAL" });
    assert.ok(!(await finalBoard()).includes(String(modelId)));
    await agreesWithChain();
    await p.advance(0.1 * DAY + 60);
    assert.deepEqual(await statuses(), { open: "FINAL", done: "FINAL" });
    assert.ok((await finalBoard()).includes(String(modelId)));
    await agreesWithChain();
  });
});
