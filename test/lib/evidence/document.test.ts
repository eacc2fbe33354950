import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  attachmentHash,
  buildEvidenceDocument,
  type EvidenceInput,
  evidenceHash,
  serializeEvidence,
  verifyEvidence,
} from "../../../lib/evidence/document";
import { evidenceInputFromCodeCarbon } from "../../../lib/evidence/fromCodeCarbon";
import { canonicalize } from "../../../lib/evidence/jcs";
import { rowsRoot } from "../../../lib/evidence/merkle";
import { parseCodeCarbonCsv } from "../../../lib/importers/codecarbon";
import { Kind, Method } from "../../../lib/spec";
import { readFixture } from "../fixtures";

const nodeSha256 = (s: string | Uint8Array) => `0x${createHash("sha256").update(s).digest("hex")}`;

const input: EvidenceInput = {
  model: { modelId: 7n, name: "tiny" },
  run: { ids: ["r1"] },
  kind: Kind.FINETUNING,
  period: { start: 1_700_000_000n, end: 1_700_003_600n },
  region: "FR",
  hardware: [{ type: "GPU", model: "NVIDIA A100", count: 8, tdpW: 400 }],
  method: Method.METER,
  tool: "PDU export",
  toolVersion: "1",
  energyWh: { value: 12_345n, source: "PDU" },
  pueMilli: { value: 1_100n, source: "facility report" },
  locationIntensity: { value: 56n, source: "RTE eco2mix" },
  renewableBps: { value: 0n, source: "none" },
  rows: { format: "pdu", items: [{ wh: "6000" }, { wh: "6345" }] },
  attachments: [{ name: "pdu.csv", sha256: nodeSha256("a,b\n") as `0x${string}`, uri: "ipfs://x" }],
};

describe("evidence document (SPEC 7)", () => {
  const doc = buildEvidenceDocument(input);

  it("has the schema tag, integers as strings and the rows' root", () => {
    expect(doc.schema).toBe("greenprint.evidence/v1");
    expect(doc.kind).toBe("FINETUNING");
    expect(doc.method).toBe("METER");
    expect(doc.energyWh).toEqual({ value: "12345", source: "PDU" });
    expect(doc.period).toEqual({ start: "1700000000", end: "1700003600" });
    expect(doc.model.modelId).toBe("7");
    expect(doc.rows?.root).toBe(rowsRoot([{ wh: "6000" }, { wh: "6345" }]));
    expect(doc.cloud).toBeNull();
  });

  it("serialises canonically, keys sorted, and hashes with SHA-256", () => {
    const text = new TextDecoder().decode(serializeEvidence(doc));
    expect(text.startsWith('{"acceleratorHours":"0","attachments":[{"name":"pdu.csv","sha256":"0x')).toBe(
      true,
    );
    expect(text).toContain(
      ',"schema":"greenprint.evidence/v1","tool":"PDU export","toolVersion":"1","workUnits":{"source":"not stated","unit":"tokens","value":"0"}}',
    );
    // hashed independently with node:crypto over the canonical text
    expect(evidenceHash(doc)).toBe(nodeSha256(text));
    expect(evidenceHash(doc)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(attachmentHash(new TextEncoder().encode("a,b\n"))).toBe(nodeSha256("a,b\n"));
  });

  it("states workUnits (SPEC 4, v1.1) with how it was derived: tokens for training, requests for inference", () => {
    expect(doc.workUnits).toEqual({ value: "0", source: "not stated", unit: "tokens" });
    const stated = buildEvidenceDocument({
      ...input,
      kind: Kind.INFERENCE,
      workUnits: { value: 18_446_744_073_709_551_615n, source: "gateway request log" },
    });
    expect(stated.workUnits).toEqual({
      value: "18446744073709551615",
      source: "gateway request log",
      unit: "requests",
    });
    expect(evidenceHash(stated)).not.toBe(
      evidenceHash({ ...stated, workUnits: { ...stated.workUnits, value: "1" } }),
    );
  });

  it("the hash changes with any field", () => {
    const other = buildEvidenceDocument({ ...input, energyWh: { value: 12_346n, source: "PDU" } });
    expect(evidenceHash(other)).not.toBe(evidenceHash(doc));
  });

  it("verifyEvidence accepts the canonical bytes and a pretty-printed copy", () => {
    const bytes = serializeEvidence(doc);
    const h = evidenceHash(doc);
    const v = verifyEvidence(bytes, h);
    expect(v).toMatchObject({ ok: true, canonical: true, hash: h, rawHash: h, errors: [] });
    expect(v.document?.energyWh.value).toBe("12345");
    const pretty = verifyEvidence(JSON.stringify(JSON.parse(canonicalize(doc)), null, 2), h);
    expect(pretty.ok).toBe(true);
    expect(pretty.canonical).toBe(false);
    expect(pretty.rawHash).not.toBe(h);
  });

  it("verifyEvidence reports tampering, bad JSON, wrong schema and a wrong rows root", () => {
    const h = evidenceHash(doc);
    const tampered = new TextDecoder().decode(serializeEvidence(doc)).replace('"12345"', '"12344"');
    const t = verifyEvidence(tampered, h);
    expect(t.ok).toBe(false);
    expect(t.errors[0]).toMatch(
      /^hash mismatch: the document hashes to 0x[0-9a-f]{64}, the attestation says 0x/,
    );
    expect(verifyEvidence("{not json", h).errors).toEqual(["not valid JSON"]);
    const wrongSchema = { ...doc, schema: "other/v0" };
    const ws = verifyEvidence(
      canonicalize(wrongSchema),
      nodeSha256(canonicalize(wrongSchema)) as `0x${string}`,
    );
    expect(ws.errors).toEqual(['schema is not "greenprint.evidence/v1"']);
    // a row edited after the root was computed: hash matches (republished) but the root does not
    const badRows = { ...doc, rows: { ...doc.rows, items: [{ wh: "6001" }, { wh: "6345" }] } };
    const text = canonicalize(badRows);
    const br = verifyEvidence(text, nodeSha256(text) as `0x${string}`);
    expect(br.ok).toBe(false);
    expect(br.errors[0]).toMatch(/^rows root 0x[0-9a-f]{64} does not match the rows/);
  });

  it("rejects a malformed attachment hash", () => {
    expect(() =>
      buildEvidenceDocument({ ...input, attachments: [{ name: "x", sha256: "0x12", uri: "u" }] }),
    ).toThrow('attachment "x": sha256 must be 0x + 64 lower-case hex digits');
  });

  it("builds evidence from a CodeCarbon import (ArkNightmaster/AIRA, HK runs only)", () => {
    const imp = parseCodeCarbonCsv(readFixture("codecarbon/ArkNightmaster__AIRA.csv"));
    const hk = imp.runs.filter((r) => r.region === "HK");
    const ev = buildEvidenceDocument(
      evidenceInputFromCodeCarbon(imp, hk, {
        model: { modelId: 3n },
        kind: Kind.FINETUNING,
        tdpW: { "NVIDIA H800": 700 },
      }),
    );
    expect(ev.method).toBe("SOFTWARE");
    expect([ev.tool, ev.toolVersion]).toEqual(["CodeCarbon", "2.8.3, 3.0.7"]);
    expect(ev.region).toBe("HK");
    expect(ev.hardware).toEqual([
      { type: "GPU", model: "NVIDIA H20", count: 8 },
      { type: "GPU", model: "NVIDIA H800", count: 8, tdpW: 700 },
    ]);
    expect(ev.rows?.items.length).toBe(35);
    expect(ev.rows?.items[0]?.country_iso_code).toBe("HKG");
    expect(ev.rows?.root).toBe(rowsRoot(hk.map((r) => ({ ...r.rows[0]?.values }))));
    expect(verifyEvidence(serializeEvidence(ev), evidenceHash(ev)).ok).toBe(true);
  });
});
