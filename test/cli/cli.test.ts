// Every CLI command end to end against a real anvil: spawned as `node bin/greenprint.js`,
// keys from the environment or a keystore, exit codes, JSON output, nothing sent on errors.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ROLES } from "../../lib/client";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { startTestChain, type TestChain } from "../sdk/chain";
import { cli, cliInProcess as run } from "./run";

let t: TestChain;
let env: Record<string, string>;
const OWNER = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[1] };
const VERIFIER = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[2] };
const RELAYER = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[3] };
const FIXTURES = path.resolve("..", "shared", "fixtures");
const CSV = path.join(FIXTURES, "codecarbon", "FNNDSC__pypx-repack-codecarbon-datalad.csv");

describe("greenprint CLI on anvil", { timeout: 180_000 }, () => {
  let server: Server;
  let apiUrl: string;
  before(async () => {
    t = await startTestChain();
    await t.admin.accreditVerifier({ account: t.addr.verifier, name: "CLI verifier" });
    env = {
      GREENPRINT_RPC_URL: t.rpcUrl,
      EVIDENCE_DIR: path.join(t.tmpDir, "evidence"),
    };
    server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          rows: [
            {
              rank: 1,
              modelId: "1",
              name: "Tiny",
              energyWh: "1455000",
              totalG: "542000",
              intensity: "373",
              grade: "D",
              renewableBps: "0",
              trust: { level: "SOFTWARE", methods: {}, verifiers: [] },
              leafEarnedWei: "118000000000000000",
            },
          ],
          total: 1,
          query: req.url,
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/v1`;
  });
  after(async () => {
    server?.close();
    await t?.stop();
  });
  const d = () => ["--deployment", t.deploymentPath];

  it("help, unknown commands and flags, keys never from flags", async () => {
    const help = await cli(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes:/);
    assert.match((await run(["attest", "--help"])).stdout, /--codecarbon FILE/);
    assert.equal((await run(["frobnicate"])).code, 1);
    const bad = await run(["status", "--nope"]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Unknown option '--nope'/);
    assert.equal((await run(["model", "register", "--private-key", "0x00"])).code, 1);
  });

  let modelId: string;
  it("keystore create, then model register and model show with the keystore", async () => {
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
    modelId = r.json.result.modelId;
    assert.equal(modelId, "1");
    assert.match(r.stderr, /simulating ModelRegistry.registerModel/);
    const show = await run(["model", "show", modelId, "--json", ...d()], env);
    assert.equal(show.json.owner, t.addr.owner);
    assert.equal(show.json.parameterCount, "160000000");
  });

  let attestationId: string;
  it("attest --codecarbon stores the evidence and submits; errors name flags and files; nothing sent", async () => {
    const before = await t.publicClient.getTransactionCount({ address: t.addr.owner });
    const missing = await run(
      ["attest", "--model", modelId, "--kind", "pretraining", "--codecarbon", "nope.csv", ...d()],
      { ...env, ...OWNER },
    );
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /CodeCarbon file nope\.csv does not exist/);
    const other = path.join(t.tmpDir, "other.csv");
    writeFileSync(other, "a,b\n1,2\n");
    const notCsv = await run(
      ["attest", "--model", modelId, "--kind", "pretraining", "--codecarbon", other, ...d()],
      { ...env, ...OWNER },
    );
    assert.equal(notCsv.code, 2);
    assert.match(notCsv.stderr, /not a CodeCarbon emissions\.csv/);
    const runs = await run(
      ["attest", "--model", modelId, "--kind", "pretraining", "--codecarbon", CSV, "--runs", "zzz", ...d()],
      { ...env, ...OWNER },
    );
    assert.equal(runs.code, 1);
    assert.match(runs.stderr, /--runs: zzz not in/);
    const pue = await run(
      [
        "attest",
        "--model",
        modelId,
        "--kind",
        "inference",
        "--energy-wh",
        "5",
        "--pue",
        "6",
        "--intensity",
        "100",
        "--region",
        "FR",
        "--start",
        "2025-01-01T00:00:00Z",
        "--end",
        "2025-01-02",
        ...d(),
      ],
      { ...env, ...OWNER },
    );
    assert.equal(pue.code, 1);
    assert.match(
      pue.stderr,
      /pueMilli must be between 1000 \(PUE 1\.000\) and 5000 \(PUE 5\.000\), got 6000 \(--pue\)/,
    );
    assert.equal(await t.publicClient.getTransactionCount({ address: t.addr.owner }), before);

    // CodeCarbon files hold no token count: --work-units states it (SPEC 4, v1.1), with how it was counted
    const r = await cli(
      [
        ...["attest", "--model", modelId, "--kind", "pretraining", "--codecarbon", CSV, "--json"],
        ...["--work-units", "2000000", "--work-units-source", "tokenizer count of the shard"],
        ...d(),
      ],
      { ...env, ...OWNER },
    );
    assert.equal(r.code, 0, r.stderr);
    attestationId = r.json.result.id;
    const a = r.json.result.attestation;
    assert.equal(a.energyWh, "1455");
    assert.equal(a.locationIntensity, 373);
    assert.equal(a.workUnits, "2000000");
    const sha = a.evidenceHash.slice(2);
    assert.ok(existsSync(path.join(env.EVIDENCE_DIR as string, sha)), "evidence document stored");
    const stored = JSON.parse(readFileSync(path.join(env.EVIDENCE_DIR as string, sha), "utf8"));
    assert.deepEqual(stored.workUnits, {
      source: "tokenizer count of the shard",
      unit: "tokens",
      value: "2000000",
    });
    assert.equal(a.evidenceURI, `http://localhost:3000/api/evidence/${sha}`);
    assert.match(r.stderr, /parsing .*FNNDSC/);
    assert.match(r.stderr, /evidence sha256/);
  });

  it("verify refused for a non-verifier (revert explained, exit 4); sign-verdict + relay; claim after the window", async () => {
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

  it("attest speaks human units; re-attesting names the attestation in dates; model-card round-trips", async () => {
    const again = await run(
      ["attest", "--model", modelId, "--kind", "pretraining", "--codecarbon", CSV, ...d()],
      { ...env, ...OWNER },
    );
    assert.equal(again.code, 1, again.stderr);
    assert.match(
      again.stderr,
      new RegExp(
        `already attested by attestation ${attestationId} \\(2023-07-24 \\d\\d:\\d\\d – \\d\\d:\\d\\d UTC, FINAL\\).*--supersedes ${attestationId}`,
      ),
    );
    assert.doesNotMatch(again.stderr, /\b1[6-9]\d{8}\b/, "no unix seconds");

    const human = await run(
      [
        "attest",
        ...["--model", modelId, "--kind", "inference", "--energy-kwh", "12.5", "--intensity", "56"],
        ...["--region", "FR", "--start", "2025-03-11T08:02:00Z", "--end", "2025-03-11T11:02:00Z"],
        ...d(),
      ],
      { ...env, ...OWNER, GREENPRINT_APP_URL: "https://gp.example" },
    );
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /inference of model \d+, 2025-03-11 08:02 – 11:02 UTC, region FR/);
    assert.match(human.stdout, /energy +12\.5 kWh \(PUE 1\), meter measurement/);
    // 12.5 kWh × 56 g/kWh = 700 g; METER: floor(12500 × (475 − 56) / 1000) = 5237 g avoided = 5.237 LEAF
    assert.match(human.stdout, /emissions +0\.7 kg CO2e total/);
    assert.match(human.stdout, /reward +5\.237 LEAF to the model owner once Final/);
    assert.match(
      human.stdout,
      /anyone may dispute it for 60 s \(verified now, the window would end \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    assert.match(human.stdout, new RegExp(`model page +https://gp\\.example/models/${modelId}`));
    const attested = /attestation +(0x[0-9a-f]{64})/.exec(human.stdout)?.[1];
    assert.ok(attested, human.stdout);
    assert.match(human.stdout, new RegExp(`explorer +https://gp\\.example/attestations/${attested} `));

    const status = await run(["status", attestationId, ...d()], env);
    assert.match(status.stdout, new RegExp(`explorer +http\\S+/attestations/${attestationId}\n`));
    assert.match(status.stdout, /period +2023-07-24 \d\d:\d\d – \d\d:\d\d UTC/);

    const card = await run(["model-card", "--model", modelId, "--json", ...d()], {
      ...env,
      PUBLIC_APP_URL: "https://greenprint.example/",
    });
    assert.equal(card.code, 0, card.stderr);
    assert.equal(
      card.json.badgeMarkdown,
      `[![Greenprint grade](https://greenprint.example/api/v1/badge/${modelId}.svg)](https://greenprint.example/models/${modelId})`,
    );
    // one FINAL pretraining attestation of 1455 Wh at 373 g/kWh: floor(1455 × 373 / 1000) = 542 g
    assert.equal(card.json.emissionsG, "542");
    const { parseModelCard } = await import("../../lib/importers/modelCard");
    const back = parseModelCard(`---\n${card.json.yaml}\n---\n`);
    assert.equal(back.emissionsG, 542n);
    assert.equal(back.kind, 0);
    assert.match(card.json.yaml, /geographical_location: US-MA/);
    const noModel = await run(["model-card", "--model", "999", ...d()], env);
    assert.equal(noModel.code, 1);
    assert.match(noModel.stderr, /There is no model 999/);
  });

  it("attest --sign-only + relay by another account, then reject with a reason", async () => {
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

  it("certificate record (raw serial) and confirm; a held serial is refused; the arbiter revokes", async () => {
    const args = [
      "certificate",
      "record",
      "--model",
      modelId,
      "--kind",
      "rec",
      "--amount",
      "1455",
      "--registry",
      "I-REC",
      "--serial",
      " x-1  to x-9 ",
      "--uri",
      "https://example.org/x1",
      "--json",
      ...d(),
    ];
    const r = await run(args, { ...env, ...OWNER });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.json, `stdout: ${r.stdout}`);
    const c = await run(["certificate", "confirm", r.json.result.id, ...d()], { ...env, ...VERIFIER });
    assert.equal(c.code, 0, c.stderr);
    const again = await run(args, { ...env, ...OWNER });
    assert.equal(again.code, 4);
    assert.equal(r.json.result.serial, "X-1 TO X-9");
    assert.match(again.stderr, /Certificate serial 0x[0-9a-f]+ is already held by certificate 0x[0-9a-f]+/);
    const notArbiter = await run(["certificate", "revoke", r.json.result.id, ...d()], {
      ...env,
      ...VERIFIER,
    });
    assert.equal(notArbiter.code, 4);
    assert.match(notArbiter.stderr, /lacks the arbiter/);
    const revoked = await run(
      ["certificate", "revoke", r.json.result.id, "--reason", "claimed elsewhere", ...d()],
      { ...env, GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[0] },
    );
    assert.equal(revoked.code, 0, revoked.stderr);
    // the serial is free again: the same certificate is recorded anew, with a new id
    const anew = await run(args, { ...env, ...OWNER });
    assert.equal(anew.code, 0, anew.stderr);
    assert.notEqual(anew.json.result.id, r.json.result.id);
  });

  it("withdraw, dispute, cancel-nonce, balance, certificate reject, bonus request", async () => {
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

  it("invalidate-unreviewed: the arbiter invalidates a revoked verifier's verdict; its period is free again", async () => {
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

  it("bonus tally, bonus approve: the runs of model and parent tallied in chunks, then the bonus paid", async () => {
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

  it("model seal: --dry-run shows the transaction and sends nothing; then seals", async () => {
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

  it("leaderboard: table, --json, and a clear message when the API is down", async () => {
    const table = await run(["leaderboard", "--api", apiUrl, "--sort", "totalG", "--order", "asc"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /Tiny +1\.4 MWh/);
    // The same digits as the app and the other commands: formatBps, and LEAF at gram precision (3 decimals).
    assert.match(table.stdout, /D +0% +0\.118 +SOFTWARE/);
    const json = await run([
      "leaderboard",
      "--api",
      apiUrl,
      "--json",
      "--page-size",
      "5",
      "--include",
      "verified",
    ]);
    assert.equal(json.json.rows[0].grade, "D");
    assert.match(json.json.query, /pageSize=5/);
    assert.match(json.json.query, /include=verified/);
    const down = await cli(["leaderboard", "--api", "http://127.0.0.1:9/api/v1"]);
    assert.equal(down.code, 3);
    assert.match(down.stderr, /leaderboard API at http:\/\/127\.0\.0\.1:9\/api\/v1 is unreachable/);
  });

  it("a wrong --chain or a payload signed for another registry is refused before sending", async () => {
    const chain = await run(["model", "show", "1", "--chain", "1", ...d()], env);
    assert.equal(chain.code, 1);
    assert.match(chain.stderr, /--chain 1 does not match the RPC endpoint's chain 31337/);
    const file = path.join(t.tmpDir, "verdict.json");
    const other = readFileSync(file, "utf8").replace(
      /"verifyingContract": "0x[0-9a-fA-F]+"/,
      `"verifyingContract": "0x${"12".repeat(20)}"`,
    );
    writeFileSync(file, other);
    const relayed = await run(["relay", file, ...d()], { ...env, ...RELAYER });
    assert.equal(relayed.code, 1);
    assert.match(relayed.stderr, /was signed for registry 0x1212/);
    writeFileSync(file, "{}");
    const broken = await run(["relay", file, ...d()], { ...env, ...RELAYER });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /not a signed Greenprint payload/);
  });

  it("admin: set a parameter (bounds explained), pause and unpause, accredit", async () => {
    const ADMIN = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[0] };
    const low = await run(["admin", "set", "challenge-window", "1", ...d()], { ...env, ...ADMIN });
    assert.equal(low.code, 4);
    assert.match(low.stderr, /Parameter challengeWindow cannot be set to 1/);
    assert.equal(
      (await run(["admin", "set", "baseline-intensity", "500", ...d()], { ...env, ...ADMIN })).code,
      0,
    );
    assert.equal((await t.admin.getParams()).baselineIntensity, 500);
    assert.equal(
      (await run(["admin", "set", "baseline-intensity", "475", ...d()], { ...env, ...ADMIN })).code,
      0,
    );
    const notAdmin = await run(["admin", "pause", ...d()], { ...env, ...OWNER });
    assert.equal(notAdmin.code, 4);
    assert.match(notAdmin.stderr, /lacks the pauser \(PAUSER_ROLE\) role/);
    assert.equal((await run(["admin", "pause", ...d()], { ...env, ...ADMIN })).code, 0);
    const paused = await run(["model", "register", "--name", "P", "--params", "1", ...d()], {
      ...env,
      ...OWNER,
    });
    assert.equal(paused.code, 4);
    assert.match(paused.stderr, /paused/);
    assert.equal((await run(["admin", "unpause", ...d()], { ...env, ...ADMIN })).code, 0);
    const again = await run(["admin", "accredit", t.addr.verifier, "--name", "Renamed", "--json", ...d()], {
      ...env,
      ...ADMIN,
    });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.json.events[0].args.name, "Renamed");
    // Issuing registries (SPEC 8, v1.1): governance accepts a label, then withdraws it.
    assert.equal(await t.owner.isIssuer("EKOenergy"), false);
    const notAdminIssuer = await run(["admin", "issuer", "EKOenergy", ...d()], { ...env, ...OWNER });
    assert.equal(notAdminIssuer.code, 4);
    assert.match(notAdminIssuer.stderr, /lacks the admin \(DEFAULT_ADMIN_ROLE\) role/);
    const accept = await run(["admin", "issuer", "EKOenergy", ...d()], { ...env, ...ADMIN });
    assert.equal(accept.code, 0, accept.stderr);
    assert.match(accept.stdout, /Issuing registry "EKOenergy" accepted/);
    assert.equal(await t.owner.isIssuer("EKOenergy"), true);
    const withdraw = await run(["admin", "issuer", "EKOenergy", "--withdraw", ...d()], { ...env, ...ADMIN });
    assert.equal(withdraw.code, 0, withdraw.stderr);
    assert.equal(await t.owner.isIssuer("EKOenergy"), false);
  });

  it("RPC down: exit 3 with the endpoint named", async () => {
    const r = await cli(["model", "show", "1", "--rpc-url", "http://127.0.0.1:9"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /RPC endpoint http:\/\/127\.0\.0\.1:9 did not answer/);
  });

  it("writes the evidence to a file with --evidence-out", async () => {
    const out = path.join(t.tmpDir, "evidence.json");
    const fresh = await t.owner.registerModel({
      metadataURI: "x",
      metadataHash: `0x${"11".repeat(32)}`,
      parameterCount: 1n,
    });
    const r = await run(
      [
        "attest",
        "--model",
        String(fresh.result.modelId),
        "--kind",
        "inference",
        "--codecarbon",
        CSV,
        "--evidence-out",
        out,
        "--evidence-uri",
        "https://example.org/e.json",
        "--dry-run",
        "--json",
        "--from",
        t.addr.owner,
        ...d(),
      ],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(doc.schema, "greenprint.evidence/v1");
    assert.equal(doc.rows.root, r.json.result.attestation.rowsRoot);
    writeFileSync(out, "");
  });
});
