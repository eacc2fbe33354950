import { describe, expect, it } from "vitest";
import { describeActivity } from "../../lib/activity";

describe("describeActivity", () => {
  it("says what happened in plain words", () => {
    expect(describeActivity({ type: "AttestationVerified", amount: null })).toEqual({
      verb: "verified an attestation of",
      amount: null,
    });
    expect(describeActivity({ type: "ModelRegistered", amount: null }).verb).toBe("registered");
  });

  it("shows LEAF payments and dispute bonds", () => {
    expect(describeActivity({ type: "RewardClaimed", amount: "12500000000000000000" }).amount).toBe(
      "12.5 LEAF",
    );
    expect(describeActivity({ type: "EfficiencyBonusPaid", amount: "1000000000000000000" }).amount).toBe(
      "1 LEAF",
    );
    expect(describeActivity({ type: "AttestationDisputed", amount: "100000000000000000" }).amount).toBe(
      "bond 0.1 ETH",
    );
  });

  it("never shows a certificate's amount without its unit", () => {
    expect(describeActivity({ type: "CertificateRecorded", amount: "5000" }).amount).toBeNull();
  });

  it("says an arbiter's revocation of a certificate in words", () => {
    expect(describeActivity({ type: "CertificateRevoked", amount: null }).verb).toBe(
      "revoked a certificate of",
    );
  });

  it("names events it does not know by their event name", () => {
    expect(describeActivity({ type: "SomethingNew", amount: null }).verb).toBe("SomethingNew on");
  });
});
