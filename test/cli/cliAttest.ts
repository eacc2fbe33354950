// The CLI end to end (test/cli/cli.test.ts): `attest` from a CodeCarbon file, flags and a model card, in human
// units, with the evidence stored or written to a file.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { type CliContext, CSV, OWNER } from "./cliContext";
import { cli, cliInProcess as run } from "./run";

export function attestFromCodeCarbon(ctx: CliContext) {
  it("attest --codecarbon stores the evidence and submits; errors name flags and files; nothing sent", async () => {
    const { t, env, d, modelId } = ctx;
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
    ctx.attestationId = r.json.result.id;
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
}

export function attestInHumanUnits(ctx: CliContext) {
  it("attest speaks human units; re-attesting names the attestation in dates; model-card round-trips", async () => {
    const { env, d, modelId, attestationId } = ctx;
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
}

export function attestEvidenceOut(ctx: CliContext) {
  it("writes the evidence to a file with --evidence-out", async () => {
    const { t, env, d } = ctx;
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
}
