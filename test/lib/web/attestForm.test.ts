import { describe, expect, it } from "vitest";
import { Kind } from "../../../lib/spec";
import {
  type AttestFormValues,
  buildFormEvidence,
  checkForm,
  EMPTY_ATTEST_FORM,
} from "../../../lib/web/attestForm";

const values: AttestFormValues = {
  ...EMPTY_ATTEST_FORM,
  energyWh: "1000000",
  locationIntensity: "56",
  periodStart: "2024-05-01T00:00",
  periodEnd: "2024-05-02T00:00",
  region: "FR",
};
const now = { now: 1_800_000_000n };

describe("attest form: workUnits (SPEC 4, v1.1)", () => {
  it("is optional: empty means 0, not stated, in the input and the evidence", () => {
    const check = checkForm(values, 1n, now);
    expect(check.ok && check.input.workUnits).toBe("0");
    const doc = buildFormEvidence(values, { type: "manual" }, { modelId: 1n });
    expect(doc.workUnits).toEqual({ value: "0", source: "not stated", unit: "tokens" });
  });

  it("a stated count needs to say how it was counted, which the evidence records", () => {
    const stated = { ...values, workUnits: "2000000000000" };
    const refused = checkForm(stated, 1n, now);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.workUnitsSource).toMatch(/how the work units were counted/);
    const withSource = { ...stated, workUnitsSource: "tokenizer count x 1 epoch" };
    expect(checkForm(withSource, 1n, now).ok).toBe(true);
    const doc = buildFormEvidence(withSource, { type: "manual" }, { modelId: 1n });
    expect(doc.workUnits).toEqual({
      value: "2000000000000",
      source: "tokenizer count x 1 epoch",
      unit: "tokens",
    });
    const inference = buildFormEvidence(
      { ...withSource, kind: String(Kind.INFERENCE) },
      { type: "manual" },
      { modelId: 1n },
    );
    expect(inference.workUnits.unit).toBe("requests");
  });

  it("names a count that is not a whole uint64 on its own field", () => {
    const check = checkForm({ ...values, workUnits: "lots", workUnitsSource: "x" }, 1n, now);
    expect(!check.ok && check.errors.workUnits).toBe('workUnits must be a whole number, got "lots"');
  });
});
