/** What the SDK accepts as an attestation (form fields or the contract struct) and its validation before sending. */
import { type AttestationStruct, toAttestationStruct } from "../eip712";
import { type AttestationFormInput, decodeRegion, validateAttestation } from "../validation";
import type { Core } from "./core";
import { GreenprintValidationError } from "./types";

/** An attestation to submit: form fields (validated with lib/validation) or the contract struct. */
export type AttestationInput = AttestationFormInput | AttestationStruct;

/** Whether a value is the contract struct (region as bytes8 hex, bigints) rather than form input. */
export function isAttestationStruct(a: AttestationInput): a is AttestationStruct {
  return (
    typeof a.modelId === "bigint" && typeof a.region === "string" && /^0x[0-9a-fA-F]{16}$/.test(a.region)
  );
}

/** The contract struct as form input, to validate it like any other input. */
export function structToForm(s: AttestationStruct): AttestationFormInput {
  let region: string;
  try {
    region = decodeRegion(s.region);
  } catch {
    region = s.region;
  }
  return {
    modelId: s.modelId,
    kind: s.kind,
    method: s.method,
    energyWh: s.energyWh,
    pueMilli: s.pueMilli,
    locationIntensity: s.locationIntensity,
    renewableBps: s.renewableBps,
    acceleratorHours: s.acceleratorHours,
    workUnits: s.workUnits,
    embodiedG: s.embodiedG,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    region,
    evidenceHash: s.evidenceHash,
    evidenceURI: s.evidenceURI,
    rowsRoot: s.rowsRoot,
    supersedes: s.supersedes,
  };
}

/** Validates input against SPEC section 4 with the chain's clock and the model's facts; throws before sending. */
export async function prepareAttestation(core: Core, input: AttestationInput): Promise<AttestationStruct> {
  const form = isAttestationStruct(input) ? structToForm(input) : input;
  let modelId: bigint | null = null;
  try {
    modelId = BigInt(form.modelId);
  } catch {
    modelId = null;
  }
  const kindNumber = Number(form.kind);
  const [now, sealed, latest] = await Promise.all([
    core.chainNow(),
    modelId && modelId > 0n
      ? core
          .read("ModelRegistry", "getModel", [modelId])
          .then((m) => m.trainingSealed)
          .catch(() => undefined)
      : undefined,
    modelId && modelId > 0n && kindNumber >= 0 && kindNumber <= 2
      ? core
          .read("AttestationRegistry", "modelCursor", [modelId])
          .then(([ends]) => ends[kindNumber])
          .catch(() => undefined)
      : undefined,
  ]);
  const result = validateAttestation(form, {
    now,
    sealed,
    latestPeriodEnd: latest && latest > 0n ? latest : undefined,
  });
  if (!result.ok) throw new GreenprintValidationError(result.errors);
  return toAttestationStruct(result.value);
}
