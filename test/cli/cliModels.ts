// The CLI end to end (test/cli/cli.test.ts): keystores and models: register, show, seal, and the efficiency
// bonus (tally in chunks, approve).
import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";
import { type CliContext, OWNER, RELAYER, VERIFIER } from "./cliContext";
import { cli, cliInProcess as run } from "./run";

export function keystoreAndModelRegister(ctx: CliContext) {
  it("keystore create, then model register and model show with the keystore", async () => {
    const { t, env, d } = ctx;
    const ks = path.join(t.tmpDir, "owner.json");
    const created = await cli(["keystore", "create", "--out", ks, "--light", "--json"], {
      ...OWNER,
      GREENPRINT_KEYSTORE_PASSWORD: "correct horse",
    });
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.json.address, t.addr.owner);
    const wrong = await cli(["model", "register", "--name", "X", "--params", "1", "--keystore", ks, ...d()], {
      ...env,
      GREENPRINT_KEYSTORE_PASSWORD: "wrong",
    });
    assert.equal(wrong.code, 5);
    assert.match(wrong.stderr, /wrong keystore password/);
    const noKey = await run(["model", "register", "--name", "X", "--params", "1", ...d()], env);
    assert.equal(noKey.code, 5);
    const r = await run(
      [
        "model",
        "register",
        "--name",
        "Tiny",
        "--params",
        "160000000",
        "--task",
        "text-generation",
        "--keystore",
        ks,
        "--json",
        ...d(),
      ],
      { ...env, GREENPRINT_KEYSTORE_PASSWORD: "correct horse" },
    );
    assert.equal(r.code, 0, r.stderr);
    ctx.modelId = r.json.result.modelId;
    assert.equal(ctx.modelId, "1");
    assert.match(r.stderr, /simulating ModelRegistry.registerModel/);
    const show = await run(["model", "show", ctx.modelId, "--json", ...d()], env);
    assert.equal(show.json.owner, t.addr.owner);
    assert.equal(show.json.parameterCount, "160000000");
  });
}

export function bonusTallyAndApprove(ctx: CliContext) {
  it("bonus tally, bonus approve: the runs of model and parent tallied in chunks, then the bonus paid", async () => {
    const { t, env, d } = ctx;
    const owner = t.owner;
    const meta = (s: string) => `0x${Buffer.from(s.padEnd(32, "-")).toString("hex")}` as const;
    const parent = (
      await owner.registerModel({ metadataURI: "p", metadataHash: meta("p"), parameterCount: 10n })
    ).result.modelId;
    const child = (
      await owner.registerModel({
        metadataURI: "c",
        metadataHash: meta("c"),
        parentId: parent,
        parameterCount: 10n,
      })
    ).result.modelId;
    const now = await owner.chainNow();
    const runs: [bigint, bigint][] = [
      [parent, 500_000n],
      [parent, 500_000n],
      [child, 100_000n],
    ];
    for (const [i, [model, energyWh]] of runs.entries()) {
      const start = now - 50_000n + BigInt(i) * 1000n;
      const sub = await owner.submitAttestation({
        modelId: model,
        kind: 0,
        method: 0,
        energyWh,
        pueMilli: 1100n,
        locationIntensity: 300n,
        renewableBps: 0n,
        acceleratorHours: 1n,
        workUnits: 0n,
        embodiedG: 0n,
        periodStart: start,
        periodEnd: start + 500n,
        region: "FR",
        evidenceHash: `0x${(BigInt(model) * 1000n + BigInt(i)).toString(16).padStart(64, "0")}`,
        evidenceURI: "https://example.org/e.json",
      });
      await t.verifier.verify({ id: sub.result.id });
    }
    // verified, not Final: nothing to send, and the tally says why
    const early = await run(["bonus", "tally", String(parent), ...d()], { ...env, ...RELAYER });
    assert.equal(early.code, 0, early.stderr);
    assert.match(
      early.stderr,
      new RegExp(`model ${parent}: 0 of 2 live PRETRAINING runs tallied, 0 Wh; 2 not Final yet`),
    );
    await t.increaseTime(61);
    await owner.sealTraining({ modelId: parent });
    await owner.sealTraining({ modelId: child });
    await owner.requestEfficiencyBonus({ modelId: child });
    const bad = await run(["bonus", "tally", String(parent), "--chunk", "0", ...d()], { ...env, ...RELAYER });
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stderr, /--chunk must be at least 1/);
    const tallied = await run(["bonus", "tally", String(parent), "--chunk", "1", ...d()], {
      ...env,
      ...RELAYER,
    });
    assert.equal(tallied.code, 0, tallied.stderr);
    assert.equal(tallied.stdout.match(/1 run\(s\) of model \d+ tallied/g)?.length, 2, tallied.stdout);
    assert.match(tallied.stderr, /2 of 2 live PRETRAINING runs tallied, 1000000 Wh/);
    const approved = await run(["bonus", "approve", String(child), ...d()], { ...env, ...VERIFIER });
    assert.equal(approved.code, 0, approved.stderr);
    assert.match(approved.stdout, new RegExp(`1 run\\(s\\) of model ${child} tallied`));
    assert.match(approved.stdout, new RegExp(`Efficiency bonus of model ${child} paid`));
    assert.equal(await owner.bonusState(child), 2);
  });
}

export function modelSeal(ctx: CliContext) {
  it("model seal: --dry-run shows the transaction and sends nothing; then seals", async () => {
    const { t, env, d, modelId } = ctx;
    const dry = await cli(["model", "seal", modelId, "--dry-run", "--from", t.addr.owner, ...d()], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run of Model 1 sealed: nothing was sent/);
    assert.match(dry.stdout, /function +sealTraining/);
    assert.match(dry.stdout, /gas +\d+ \(estimate\)/);
    assert.equal((await t.owner.getModel(1n)).trainingSealed, false);
    const sealed = await run(["model", "seal", modelId, ...d()], { ...env, ...OWNER });
    assert.equal(sealed.code, 0, sealed.stderr);
    const twice = await run(["model", "seal", modelId, ...d()], { ...env, ...OWNER });
    assert.equal(twice.code, 4);
    assert.match(twice.stderr, /Model 1 is already sealed\./);
  });
}
