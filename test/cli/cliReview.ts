// The CLI end to end (test/cli/cli.test.ts): review of attestations: verify, signed verdicts and submissions
// relayed, reject, withdraw, dispute, cancel-nonce, claim, invalidate-unreviewed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ROLES } from "../../lib/client";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { type CliContext, OWNER, RELAYER, VERIFIER } from "./cliContext";
import { cli, cliInProcess as run } from "./run";

export function verifySignVerdictAndClaim(ctx: CliContext) {
  it("verify refused for a non-verifier (revert explained, exit 4); sign-verdict + relay; claim after the window", async () => {
    const { t, env, d, attestationId } = ctx;
    const refused = await cli(["verify", attestationId, ...d()], { ...env, ...RELAYER });
    assert.equal(refused.code, 4, refused.stderr);
    assert.match(refused.stderr, new RegExp(`Account ${t.addr.relayer} is not an accredited verifier\\.`));
    const file = path.join(t.tmpDir, "verdict.json");
    const signed = await cli(["sign-verdict", attestationId, "--approve", "--out", file, ...d()], {
      ...env,
      ...VERIFIER,
    });
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(readFileSync(file, "utf8"), /"type": "Verdict"/);
    const dry = await run(["relay", file, "--dry-run", "--json", ...d()], { ...env, ...RELAYER });
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(dry.json.function, "verdictWithSig");
    assert.ok(Number(dry.json.gasEstimate) > 21000);
    const relayed = await cli(["relay", file, ...d()], { ...env, ...RELAYER });
    assert.equal(relayed.code, 0, relayed.stderr);
    const early = await run(["claim", attestationId, ...d()], { ...env, ...OWNER });
    assert.equal(early.code, 4);
    assert.match(early.stderr, /is Verified, not Final/);
    await t.increaseTime(61);
    const claimed = await cli(["claim", attestationId, "--json", ...d()], { ...env, ...OWNER });
    assert.equal(claimed.code, 0, claimed.stderr);
    // 1455 Wh at 373 g/kWh, SOFTWARE: floor(1455 * (475 - 373) / 1000) = 148 g, * 0.8 = 118 g
    assert.equal(claimed.json.result.reward, (118n * 10n ** 15n).toString());
    const status = await run(["status", attestationId, "--json", ...d()], env);
    assert.equal(status.json.status, "FINAL");
    assert.equal(status.json.claimed, true);
    assert.equal(status.json.attestation.region, "US-MA");
    const text = await run(["status", attestationId, ...d()], env);
    assert.match(text.stdout, /status +FINAL/);
  });
}

export function signOnlyRelayAndReject(ctx: CliContext) {
  it("attest --sign-only + relay by another account, then reject with a reason", async () => {
    const { t, env, d, modelId } = ctx;
    const file = path.join(t.tmpDir, "submission.json");
    const signed = await run(
      [
        "attest",
        "--model",
        modelId,
        "--kind",
        "finetuning",
        "--energy-kwh",
        "12.5",
        "--pue",
        "1.2",
        "--intensity",
        "56",
        "--renewable",
        "40%",
        "--region",
        "FR",
        "--start",
        "2025-03-01T00:00:00Z",
        "--end",
        "2025-03-02T00:00:00Z",
        "--method",
        "meter",
        "--sign-only",
        "--out",
        file,
        ...d(),
      ],
      { ...env, ...OWNER },
    );
    assert.equal(signed.code, 0, signed.stderr);
    const relayed = await run(["relay", file, "--json", ...d()], { ...env, ...RELAYER });
    assert.equal(relayed.code, 0, relayed.stderr);
    const id = relayed.json.result.id;
    assert.equal(relayed.json.result.attestation.energyWh, "12500");
    assert.equal(relayed.json.result.attestation.renewableBps, 4000);
    assert.equal(relayed.json.result.attestation.pueMilli, 1200);
    const again = await run(["relay", file, ...d()], { ...env, ...RELAYER });
    assert.equal(again.code, 1); // its period is now taken: refused before sending
    const rejected = await run(["reject", id, "--reason", "no meter export attached", ...d()], {
      ...env,
      ...VERIFIER,
    });
    assert.equal(rejected.code, 0, rejected.stderr);
    assert.equal((await run(["status", id, "--json", ...d()], env)).json.status, "REJECTED");
  });
}

export function withdrawDisputeCancelNonce(ctx: CliContext) {
  it("withdraw, dispute, cancel-nonce, balance, certificate reject, bonus request", async () => {
    const { t, env, d, modelId } = ctx;
    const flags = (start: string, end: string) => [
      "attest",
      "--model",
      modelId,
      "--kind",
      "inference",
      "--energy-wh",
      "1000",
      "--intensity",
      "300",
      "--region",
      "DE",
      "--start",
      start,
      "--end",
      end,
      "--json",
      ...d(),
    ];
    const a = await run(flags("2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z"), { ...env, ...OWNER });
    assert.equal(a.code, 0, a.stderr);
    const w = await run(["withdraw", a.json.result.id, ...d()], { ...env, ...OWNER });
    assert.equal(w.code, 0, w.stderr);
    assert.equal((await run(["status", a.json.result.id, "--json", ...d()], env)).json.status, "WITHDRAWN");

    const b = await run(flags("2025-05-03T00:00:00Z", "2025-05-04T00:00:00Z"), { ...env, ...OWNER });
    assert.equal((await run(["verify", b.json.result.id, ...d()], { ...env, ...VERIFIER })).code, 0);
    const disputed = await run(
      ["dispute", b.json.result.id, "--reason-uri", "https://example.org/why", "--json", ...d()],
      { ...env, ...RELAYER },
    );
    assert.equal(disputed.code, 0, disputed.stderr);
    assert.equal(disputed.json.result.bond, (10n ** 17n).toString());
    assert.equal((await run(["status", b.json.result.id, "--json", ...d()], env)).json.status, "DISPUTED");
    await t.admin.upholdDispute({ id: b.json.result.id });
    const refund = await run(["withdraw-refund", "--json", ...d()], { ...env, ...RELAYER });
    assert.equal(refund.code, 0, refund.stderr);
    assert.equal(refund.json.result.amount, (10n ** 17n).toString());

    const cancelled = await run(["cancel-nonce", "--json", ...d()], { ...env, ...VERIFIER });
    assert.equal(cancelled.code, 0, cancelled.stderr);
    const bal = await run(["balance", "--json", ...d()], { ...env, ...VERIFIER });
    assert.equal(bal.json.address, t.addr.verifier);
    assert.equal(bal.json.verifier.active, true);
    assert.ok(BigInt(bal.json.leaf) > 0n, "the verifier earned its share of the claim");
    assert.ok(BigInt(bal.json.nonce) >= 2n);

    const rec = await run(
      [
        "certificate",
        "record",
        "--model",
        modelId,
        "--kind",
        "carbon-credit",
        "--amount",
        "5000",
        "--registry",
        "Verra",
        "--serial",
        "VCS-1",
        "--uri",
        "https://example.org/v",
        "--json",
        ...d(),
      ],
      { ...env, ...OWNER },
    );
    assert.equal(rec.code, 0, rec.stderr);
    const rej = await run(
      ["certificate", "reject", rec.json.result.id, "--reason", "retired for another model", ...d()],
      { ...env, ...VERIFIER },
    );
    assert.equal(rej.code, 0, rej.stderr);

    const bonus = await run(["bonus", "request", modelId, ...d()], { ...env, ...OWNER });
    assert.equal(bonus.code, 4);
    assert.match(bonus.stderr, /Model 1 has no parent model/);
  });
}

export function invalidateUnreviewed(ctx: CliContext) {
  it("invalidate-unreviewed: the arbiter invalidates a revoked verifier's verdict; its period is free again", async () => {
    const { t, env, d, modelId } = ctx;
    const ADMIN = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[0] };
    // a second verifier, revoked below (the suite's verifier stays accredited for the tests after this one)
    const V2 = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[4] };
    const v2 = privateKeyToAccount(ANVIL_KEYS[4] as Hex).address;
    await t.admin.accreditVerifier({ account: v2, name: "Revoked verifier" });
    const attest = [
      "attest",
      "--model",
      modelId,
      "--kind",
      "inference",
      "--energy-wh",
      "1000",
      "--intensity",
      "300",
      "--region",
      "DE",
      "--start",
      "2025-05-05T00:00:00Z",
      "--end",
      "2025-05-06T00:00:00Z",
      "--json",
      ...d(),
    ];
    const a = await run(attest, { ...env, ...OWNER });
    assert.equal(a.code, 0, a.stderr);
    const id = a.json.result.id;
    assert.equal((await run(["verify", id, ...d()], { ...env, ...V2 })).code, 0);
    const invalidate = [
      "invalidate-unreviewed",
      id,
      "--ruling",
      "verifier revoked for cause",
      "--json",
      ...d(),
    ];
    const accredited = await run(invalidate, { ...env, ...ADMIN });
    assert.equal(accredited.code, 4);
    assert.match(accredited.stderr, /is still accredited/);
    await t.admin.revokeRole({ role: ROLES.VERIFIER_ROLE, account: v2 });
    const notArbiter = await run(invalidate, { ...env, ...OWNER });
    assert.equal(notArbiter.code, 4);
    assert.match(notArbiter.stderr, /lacks the arbiter \(ARBITER_ROLE\) role/);
    const done = await run(invalidate, { ...env, ...ADMIN });
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.json.result.verifier, v2);
    assert.equal((await run(["status", id, "--json", ...d()], env)).json.status, "INVALIDATED");
    assert.equal((await t.owner.verifierRecord(v2)).invalidatedVerdicts, 1n);
    // SPEC 4 (v1.1): the invalidated period is attested again (new evidence, so a new attestation)
    const again = await run([...attest, "--energy-wh", "999"], { ...env, ...OWNER });
    assert.equal(again.code, 0, again.stderr);
  });
}
