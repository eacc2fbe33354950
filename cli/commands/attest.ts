import { writeFileSync } from "node:fs";
import {
  attestationInputFromEvidence,
  type GreenprintClient,
  GreenprintValidationError,
} from "../../lib/client";
import { serializeSigned } from "../../lib/eip712";
import { formatKgCO2e, formatKWh, formatUtc, formatUtcRange } from "../../lib/humanize";
import { Kind } from "../../lib/spec";
import type { AttestationFormInput } from "../../lib/validation";
import { str, uint } from "../context";
import { usageError } from "../output";
import { storeEvidence } from "./attestEvidence";
import { applyFlags, enumFlag, fromFlags } from "./attestFlags";
import { fromCodeCarbon, fromModelCard } from "./attestImporters";
import { STORE_HELP, STORE_OPTIONS } from "./model";
import { attestationFigures, attestationSummary } from "./summary";
import type { Command } from "./types";

export const attest: Command = {
  name: "attest",
  summary: "attest a model's energy from a CodeCarbon emissions.csv, a model card or flags",
  usage:
    "--model ID --kind KIND [--codecarbon FILE [--runs all|ID,...] | --model-card FILE] [figures] [evidence]",
  help: [
    "--model ID                the model (you must own it)",
    "--kind KIND               pretraining, finetuning or inference",
    "--codecarbon FILE         CodeCarbon emissions.csv (every layout 1.x-3.2); energy, PUE, intensity,",
    "                          period, region, accelerator hours and raw rows come from it",
    "--runs all|ID,...         which runs of the file to attest (default all)",
    "--model-card FILE         Hugging Face README/YAML with co2_eq_emissions (grams); energy is derived",
    "                          with --intensity unless --energy-wh is given; method defaults to estimate",
    "Figures (override the file's):",
    "--energy-wh N | --energy-kwh X   facility energy, PUE included",
    "--pue X (e.g. 1.12)   --intensity N (gCO2e/kWh)   --renewable PCT (e.g. 35 or 35%)",
    "--accelerator-hours N   --embodied-g N   --region ISO (FR, US-CA)",
    "--work-units N            tokens processed (pretraining, finetuning) or requests served (inference);",
    "                          CodeCarbon files hold no count, so state it here (default 0: not stated)",
    "--start T --end T         ISO 8601 (UTC if no zone) or unix seconds",
    "--method meter|software|estimate   --supersedes ATTESTATION_ID",
    "--renewable-source TEXT  --intensity-source TEXT  --work-units-source TEXT",
    "                          sources recorded in the evidence (how the value was derived)",
    "Evidence:",
    "--evidence-out FILE       write the evidence document (canonical JSON) to FILE instead of the store",
    "--evidence-uri URI        evidenceURI to record (default: the store URL of the document)",
    ...STORE_HELP,
    "--sign-only --out FILE    sign the submission (EIP-712) for a relayer instead of sending it",
  ],
  options: {
    model: { type: "string" },
    kind: { type: "string" },
    codecarbon: { type: "string" },
    runs: { type: "string" },
    "model-card": { type: "string" },
    "energy-wh": { type: "string" },
    "energy-kwh": { type: "string" },
    pue: { type: "string" },
    intensity: { type: "string" },
    "intensity-source": { type: "string" },
    renewable: { type: "string" },
    "renewable-source": { type: "string" },
    "accelerator-hours": { type: "string" },
    "embodied-g": { type: "string" },
    "work-units": { type: "string" },
    "work-units-source": { type: "string" },
    start: { type: "string" },
    end: { type: "string" },
    region: { type: "string" },
    method: { type: "string" },
    tool: { type: "string" },
    supersedes: { type: "string" },
    "evidence-out": { type: "string" },
    "evidence-uri": { type: "string" },
    "sign-only": { type: "boolean" },
    out: { type: "string" },
    ...STORE_OPTIONS,
  },
  async run(ctx) {
    const v = ctx.values;
    const modelFlag = str(v, "model");
    if (!modelFlag) throw usageError("--model is required: the id of the model to attest.");
    const modelId = uint(modelFlag, "--model");
    const kindFlag = str(v, "kind");
    const kind = kindFlag !== undefined ? enumFlag(Kind, kindFlag, "--kind") : undefined;
    const csv = str(v, "codecarbon");
    const card = str(v, "model-card");
    if (csv && card) throw usageError("Give --codecarbon or --model-card, not both.");
    if (v["sign-only"] && !str(v, "out"))
      throw usageError("--sign-only needs --out FILE for the signed submission.");

    const built = csv
      ? fromCodeCarbon(ctx, csv, modelId, kind)
      : card
        ? fromModelCard(ctx, card, modelId, kind)
        : fromFlags(ctx, modelId, kind);
    applyFlags(ctx, built.evidence);
    if (kind !== undefined) built.evidence.kind = kind;

    const { hash, uri, doc } = await storeEvidence(ctx, built);
    const form = attestationInputFromEvidence(
      built.evidence,
      { hash, uri, document: doc },
      { supersedes: str(v, "supersedes") },
    );

    const gp: GreenprintClient = await ctx.client({ signer: true });
    if (v["sign-only"]) {
      ctx.out.progress("signing the submission (EIP-712)");
      const signed = await gp.signSubmission(form);
      writeFileSync(str(v, "out") as string, `${serializeSigned(signed)}\n`);
      ctx.out.result(
        { signed: str(v, "out"), signer: signed.signer, nonce: signed.nonce, deadline: signed.deadline },
        [
          `✓ Submission signed by ${signed.signer} (nonce ${signed.nonce}), valid until ${formatUtc(signed.deadline)}; relay it with: greenprint relay ${str(v, "out")}`,
        ],
      );
      return;
    }
    const [params, now] = await Promise.all([gp.getParams(), gp.chainNow()]);
    const modelUrl = `${ctx.settings.appUrl.value}/models/${modelId}`;
    const attestationUrlOf = (id: string) => `${ctx.settings.appUrl.value}/attestations/${id}`;
    try {
      await ctx.send(
        `Attestation submitted for model ${modelId}`,
        gp.submitAttestation,
        form,
        (r) =>
          attestationSummary(r.id, r.attestation, params, {
            now,
            modelUrl,
            attestationUrl: attestationUrlOf(r.id),
            evidenceURI: uri as string,
            tool: built.evidence.tool,
          }),
        (r) => {
          const f = attestationFigures(r.attestation, params);
          return {
            summary: {
              period: formatUtcRange(r.attestation.periodStart, r.attestation.periodEnd),
              energyKWh: formatKWh(r.attestation.energyWh),
              totalKgCO2e: formatKgCO2e(f.totalG),
              projectedRewardWei: f.rewardWei,
              projectedVerifierRewardWei: f.verifierRewardWei,
              challengeWindowSeconds: f.challengeWindowSeconds,
              modelUrl,
              attestationUrl: attestationUrlOf(r.id),
            },
          };
        },
      );
    } catch (error) {
      if (error instanceof GreenprintValidationError) throw await explainPeriodErrors(error, form, gp);
      throw error;
    }
  },
};

/**
 * Names the attestation an overlapping period collides with (the validator knows only where the
 * latest one ends), so a re-upload of an attested run says what attested it.
 */
async function explainPeriodErrors(
  error: GreenprintValidationError,
  form: AttestationFormInput,
  gp: GreenprintClient,
): Promise<GreenprintValidationError> {
  const errors: Record<string, string> = { ...error.errors };
  let start: bigint;
  let end: bigint;
  try {
    start = BigInt(form.periodStart);
    end = BigInt(form.periodEnd);
  } catch {
    return error;
  }
  if (errors.periodStart?.includes("overlaps")) {
    const kind = Number(form.kind);
    const same = (await gp.listSubmittedAttestations({ modelId: BigInt(form.modelId) })).filter(
      (s) => s.attestation.kind === kind && s.attestation.periodEnd > start,
    );
    const latest = same.sort((a, b) => Number(b.attestation.periodEnd - a.attestation.periodEnd))[0];
    const kindName = (Object.keys(Kind)[kind] ?? String(kind)).toLowerCase();
    if (latest) {
      const state = await gp.getAttestation(latest.id);
      errors.periodStart = `the period ${formatUtcRange(start, end)} is already attested by attestation ${latest.id} (${formatUtcRange(latest.attestation.periodStart, latest.attestation.periodEnd)}, ${state.statusName}): a new ${kindName} attestation of model ${form.modelId} must start at or after ${formatUtc(latest.attestation.periodEnd)}; to correct that attestation instead, pass --supersedes ${latest.id}`;
    } else {
      errors.periodStart = `the period ${formatUtcRange(start, end)} overlaps an earlier ${kindName} attestation of model ${form.modelId}`;
    }
  }
  return new GreenprintValidationError(errors);
}
