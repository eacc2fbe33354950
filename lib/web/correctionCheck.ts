/**
 * Before an attestation form stores evidence or asks the wallet: whether the chain accepts the submission, read by
 * simulating it (the SDK's `preview`), so a correction the contract would refuse is explained with the form kept.
 * The case users hit: a Rejected attestation whose period was freed (SPEC 4, v1.1) can no longer be corrected;
 * its period may be attested again instead, which no view function tells apart from a correctable Rejected one.
 */
import type { Hex } from "viem";
import type { AttestationInput, GreenprintClient } from "../client";
import { decodeRevert } from "../errors";
import { Status } from "../spec";
import { describeTxError } from "./txError";

export type CorrectionCheck = { ok: true } | { ok: false; message: string; supersedes?: string };

export async function checkSubmission(
  client: GreenprintClient,
  input: AttestationInput,
  predecessor: Hex | null,
): Promise<CorrectionCheck> {
  try {
    await client.submitAttestation.preview(input);
    return { ok: true };
  } catch (error) {
    const revert = decodeRevert(error);
    if (revert?.name === "AttestationRegistryNotSupersedable" && Number(revert.args[1]) === Status.REJECTED) {
      const short = `${predecessor?.slice(0, 10)}…`;
      // a rejected correction is refused too, for another reason (its predecessor is the live one)
      const state = predecessor ? await client.getAttestation(predecessor).catch(() => null) : null;
      if (state?.isCorrection) {
        return {
          ok: false,
          message: `Attestation ${short} is a rejected correction: it cannot be corrected again. Correct the attestation it superseded instead. Nothing was stored or sent; your input is unchanged.`,
          supersedes: "A rejected correction cannot be superseded.",
        };
      }
      return {
        ok: false,
        message: `Attestation ${short} was rejected and its period given back to the model, so it can no longer be corrected. Attest that period again as a new attestation (leave "Supersedes" empty). Nothing was stored or sent; your input is unchanged.`,
        supersedes: "Rejected, with its period freed: it can no longer be corrected.",
      };
    }
    return { ok: false, message: describeTxError(error) };
  }
}
