// The SDK client against a real anvil: every core action, EIP-712 signatures accepted by the
// contracts (owner-signed submit relayed, verifier-signed verdict relayed, submitVerified),
// replay and cancellation refused, reverts decoded into sentences, nothing sent when invalid.
// One chain for all: the steps build on each other, so they run in this order; they are in the sdk*.ts files
// beside this one, one concern each.
import { after, before, describe } from "node:test";
import { sha256, toHex } from "viem";
import { Kind, Method } from "../../lib/spec";
import type { AttestationFormInput } from "../../lib/validation";
import { startTestChain } from "./chain";
import { efficiencyBonusTalliedAndApproved } from "./sdkBonus";
import { certificateHoldsItsSerial } from "./sdkCertificates";
import type { SdkContext } from "./sdkContext";
import { adminParametersPause, invalidateUnreviewed } from "./sdkGovernance";
import {
  decodeReverts,
  registerModel,
  sealTraining,
  submitVerifyClaim,
  validateBeforeSending,
} from "./sdkLifecycle";
import {
  ownerSignedSubmissionRelayed,
  submitVerifiedAndUpheldDispute,
  typeStringsMatchContract,
  verifierSignedVerdictRelayed,
} from "./sdkSignatures";

describe("SDK client on anvil", { timeout: 90_000 }, () => {
  // one evidence document per attestation (SPEC 4, v1.1): each call names a document of its own
  let documents = 0;
  const attestation = (over: Partial<AttestationFormInput> = {}): AttestationFormInput => ({
    modelId: ctx.modelId,
    kind: Kind.PRETRAINING,
    method: Method.METER,
    energyWh: 1_000_000n,
    pueMilli: 1100n,
    locationIntensity: 300n,
    renewableBps: 2500n,
    acceleratorHours: 512n,
    workUnits: 2_000_000_000_000n,
    embodiedG: 1234n,
    periodStart: ctx.now - 100_000n,
    periodEnd: ctx.now - 90_000n,
    region: "FR",
    evidenceHash: sha256(toHex(`evidence-${++documents}`)),
    evidenceURI: "https://example.org/evidence.json",
    ...over,
  });
  const ctx = { attestation } as SdkContext;

  before(async () => {
    const t = await startTestChain();
    ctx.t = t;
    ctx.now = await t.admin.chainNow();
    const admin = t.admin;
    await admin.accreditVerifier({ account: t.addr.verifier, name: "Test verifier", uri: "" });
  });
  after(async () => {
    await ctx.t?.stop();
  });

  typeStringsMatchContract(ctx);
  registerModel(ctx);
  validateBeforeSending(ctx);
  decodeReverts(ctx);
  submitVerifyClaim(ctx);
  ownerSignedSubmissionRelayed(ctx);
  verifierSignedVerdictRelayed(ctx);
  submitVerifiedAndUpheldDispute(ctx);
  certificateHoldsItsSerial(ctx);
  sealTraining(ctx);
  adminParametersPause(ctx);
  efficiencyBonusTalliedAndApproved(ctx);
  invalidateUnreviewed(ctx);
});
