// The SDK client on anvil (test/sdk/client.test.ts): the efficiency bonus (SPEC 6, v1.1): request, the
// training tally in chunks, approval.
import assert from "node:assert/strict";
import { it } from "node:test";
import { sha256, toHex } from "viem";
import { GreenprintTallyIncompleteError } from "../../lib/client";
import { efficiencyBonusLeaf, verifierShare } from "../../lib/formulas";
import { rejects, type SdkContext } from "./sdkContext";

export function efficiencyBonusTalliedAndApproved(ctx: SdkContext) {
  it("efficiency bonus: requested by the owner, runs tallied in chunks from events, approved by a verifier", async () => {
    const { t, attestation } = ctx;
    const { owner, verifier } = t;
    const hash = sha256(toHex("meta2"));
    const parent = (await owner.registerModel({ metadataURI: "p", metadataHash: hash, parameterCount: 100n }))
      .result.modelId;
    const child = (
      await owner.registerModel({
        metadataURI: "c",
        metadataHash: hash,
        parentId: parent,
        parameterCount: 120n,
      })
    ).result.modelId;
    const start = (await owner.chainNow()) - 50_000n;
    const runs: [bigint, bigint][] = [
      [parent, 2_000_000n],
      [parent, 1_000_000n],
      [child, 900_000n],
    ];
    let k = 0n;
    for (const [model, energyWh] of runs) {
      const sub = await owner.submitAttestation(
        attestation({
          modelId: model,
          energyWh,
          periodStart: start + k * 1000n,
          periodEnd: start + k * 1000n + 500n,
        }),
      );
      await verifier.verify({ id: sub.result.id });
      k++;
    }
    // verified, not Final yet: nothing can be tallied, and nothing is sent for approval
    assert.deepEqual(
      (await owner.trainingRuns(child)).map((r) => r.tally),
      ["notFinal"],
    );
    const incomplete = await rejects(
      verifier.tallyAndApproveEfficiencyBonus({ modelId: child }),
      new RegExp(`training tally of model ${child} is incomplete: 1 run\\(s\\) not Final yet`),
    );
    assert.ok(incomplete instanceof GreenprintTallyIncompleteError);
    assert.equal(incomplete.missing.length, 1);
    await t.increaseTime(61);
    await owner.sealTraining({ modelId: parent });
    await rejects(
      owner.requestEfficiencyBonus({ modelId: child }),
      new RegExp(`Model ${child} has not sealed its training`),
    );
    await owner.sealTraining({ modelId: child });
    await owner.requestEfficiencyBonus({ modelId: child });
    assert.equal(await owner.bonusState(child), 1);
    assert.deepEqual(
      (await owner.trainingRuns(parent)).map((r) => r.tally),
      ["ready", "ready"],
    );
    await rejects(
      verifier.approveEfficiencyBonus({ modelId: child }),
      new RegExp(`training tally of model ${child} is incomplete: 0 of its 1 live`),
    );
    const before = await owner.leafBalance(t.addr.owner);
    const { tallies, approval: paid } = await verifier.tallyAndApproveEfficiencyBonus({
      modelId: child,
      chunkSize: 1,
    });
    assert.equal(tallies.length, 3, "one transaction per run with chunks of 1");
    assert.deepEqual(await owner.trainingTally(parent), {
      energyWh: 3_000_000n,
      runs: 2n,
      liveRuns: 2n,
      complete: true,
    });
    assert.deepEqual(
      (await owner.trainingRuns(parent)).map((r) => r.tally),
      ["tallied", "tallied"],
    );
    const expected = efficiencyBonusLeaf(3_000_000n, 900_000n);
    assert.equal(paid.result.bonus, expected);
    assert.equal(paid.result.verifierReward, verifierShare(expected));
    assert.equal((await owner.leafBalance(t.addr.owner)) - before, expected);
    assert.equal(await owner.bonusState(child), 2);
    await rejects(owner.requestEfficiencyBonus({ modelId: child }), /already paid/);
  });
}
