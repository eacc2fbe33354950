// SPEC 6 (v1.1) efficiency bonus through the indexer: a verifier rejects a request, the arbiter
// approves it (EfficiencyBonusPaid names the arbiter as its `verifier`, with verifierReward 0). The
// arbiter is no verifier: it must not turn up in the verifiers list with a bonus approved, while the
// model shows its bonus paid and the owner's LEAF.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import type { Deployment } from "../../lib/deployment";
import {
  assertIndexMatchesChain,
  type Chain,
  type Deployed,
  deploy,
  freePort,
  getJson,
  type Indexer,
  indexChain,
  type Json,
  KEYS,
  killAll,
  protocol,
  type Role,
  scaled,
  startAnvil,
  tempDir,
  WEEK,
} from "./helpers";

describe("efficiency bonus approved by the arbiter (PGlite)", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let deployed: Deployed;
  let indexer: Indexer;
  let child: bigint;
  let p: ReturnType<typeof protocol>;

  before(async () => {
    const dir = tempDir("bonus");
    chain = await startAnvil(await freePort());
    deployed = deploy(chain, dir);
    p = protocol(chain, deployed);
    const deployment = JSON.parse(
      readFileSync(path.join(deployed.deploymentsDir, "31337.json"), "utf8"),
    ) as Deployment;
    const viemChain = { ...anvil, rpcUrls: { default: { http: [chain.rpcUrl] } } };
    const publicClient = createPublicClient({ chain: viemChain, transport: http(chain.rpcUrl) });
    const sdk = (role: Role) =>
      createGreenprintClient({
        publicClient,
        walletClient: createWalletClient({
          account: privateKeyToAccount(KEYS[role]),
          chain: viemChain,
          transport: http(chain.rpcUrl),
        }),
        deployment,
      });
    const owner = sdk("owner");
    await p.accredit();
    const parent = await p.register({ parameterCount: 100n });
    child = await p.register({ parentId: parent, parameterCount: 120n });
    for (const [modelId, energyWh] of [
      [parent, 2_000_000n],
      [child, 900_000n],
    ] as const) {
      const { id } = await p.submit({ modelId, kind: 0, method: 0, energyWh });
      await p.verify(id);
    }
    await p.advance(WEEK + 60);
    await owner.sealTraining({ modelId: parent });
    await owner.sealTraining({ modelId: child });
    await owner.requestEfficiencyBonus({ modelId: child });
    await sdk("verifier").rejectEfficiencyBonus({ modelId: child });
    // SPEC 6 (v1.1): the arbiter may approve a request a verifier rejected; its ruling earns no share.
    const { approval } = await sdk("admin").tallyAndApproveEfficiencyBonus({ modelId: child });
    assert.equal(approval.result.verifierReward, 0n);

    indexer = await indexChain({ chain, deployed, schema: "bonus", dir });
  });

  after(() => killAll());

  it("lists only the accredited verifier, with no bonus approved", async () => {
    const { verifiers } = (await getJson<Json>(`${indexer.url}/api/v1/verifiers`)).body;
    assert.deepEqual(
      verifiers.map((v: Json) => v.address),
      [p.address("verifier").toLowerCase()],
    );
    assert.equal(verifiers[0].efficiencyBonusesApproved, 0);
  });

  it("shows the model's bonus paid to its owner", async () => {
    const body = (await getJson<Json>(`${indexer.url}/api/v1/models/${child}`)).body;
    const rewards = body.rewards as Json[];
    const bonus = rewards.find((r) => r.kind === "efficiency_bonus");
    assert.ok(bonus, JSON.stringify(rewards));
    assert.equal(bonus.verifierAmountWei, "0");
    assert.notEqual(bonus.amountWei, "0");
  });

  it("matches the chain's logs exactly (check-index)", async () => {
    await assertIndexMatchesChain(indexer, chain, deployed);
  });
});
