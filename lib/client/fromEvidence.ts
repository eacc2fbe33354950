/** The attestation an evidence document backs: one mapping shared by the CLI, the web app and scripts. */
import type { Hex } from "viem";
import type { EvidenceDocument, EvidenceInput } from "../evidence/document";
import type { AttestationFormInput } from "../validation";

/**
 * Attestation fields from the evidence input they were measured into, plus where the
 * evidence document lives: `evidenceHash` (SHA-256 of its JCS bytes), `evidenceURI`, and the
 * document's rows root. Validate the result with `validateAttestation` (every SDK write does).
 */
export function attestationInputFromEvidence(
  input: EvidenceInput,
  evidence: { hash: Hex; uri: string; document?: EvidenceDocument },
  options: { supersedes?: Hex | string } = {},
): AttestationFormInput {
  return {
    modelId: input.model.modelId,
    kind: input.kind,
    method: input.method,
    energyWh: input.energyWh.value,
    pueMilli: input.pueMilli.value,
    locationIntensity: input.locationIntensity.value,
    renewableBps: input.renewableBps.value,
    acceleratorHours: input.acceleratorHours ?? 0n,
    workUnits: input.workUnits?.value ?? 0n,
    embodiedG: input.embodiedG ?? 0n,
    periodStart: input.period.start,
    periodEnd: input.period.end,
    region: input.region,
    evidenceHash: evidence.hash,
    evidenceURI: evidence.uri,
    rowsRoot: evidence.document?.rows?.root,
    supersedes: options.supersedes,
  };
}
