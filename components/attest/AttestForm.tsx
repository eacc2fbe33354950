"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { zeroHash } from "viem";
import { useChainId, useConnection, usePublicClient } from "wagmi";
import { Field } from "@/components/forms/Field";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { evidenceHash, serializeEvidence } from "@/lib/evidence/document";
import {
  attestationRegistryAbi,
  attestationRegistryAddress,
  modelRegistryAbi,
  modelRegistryAddress,
} from "@/lib/generated/hooks";
import { KIND_NAMES, Kind, METHOD_NAMES, Method } from "@/lib/spec";
import { encodeRegion } from "@/lib/validation";
import {
  type AttestFormErrors,
  type AttestFormValues,
  buildFormEvidence,
  checkForm,
  EMPTY_ATTEST_FORM,
  type FigureSource,
  toUtcInput,
  valuesFromCodeCarbon,
} from "@/lib/web/attestForm";
import { checkSubmission } from "@/lib/web/correctionCheck";
import { storeEvidence } from "@/lib/web/evidenceClient";
import { CodeCarbonImport } from "./CodeCarbonImport";
import { Estimator } from "./Estimator";
import { ModelCardImport } from "./ModelCardImport";

type Tab = "codecarbon" | "modelcard" | "estimate" | "manual";
const TABS: [Tab, string][] = [
  ["codecarbon", "Import CodeCarbon CSV"],
  ["modelcard", "Import model card"],
  ["estimate", "Estimate"],
  ["manual", "Enter figures"],
];

export function AttestForm({ modelId, modelName }: { modelId: string; modelName: string }) {
  const [values, setValues] = useState<AttestFormValues>(EMPTY_ATTEST_FORM);
  const [source, setSource] = useState<FigureSource>({ type: "manual" });
  const [tab, setTab] = useState<Tab>("codecarbon");
  const [errors, setErrors] = useState<AttestFormErrors>({});
  const { address, status } = useConnection();
  const chainId = useChainId();
  const publicClient = usePublicClient();
  const client = useGreenprint();
  const tx = useTx();
  const busy = tx.busy;

  const set = (field: keyof AttestFormValues) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const applied = (next: AttestFormValues, nextSource: FigureSource) => {
    setValues(next);
    setSource(nextSource);
    setErrors({});
    tx.reset();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const registry = (attestationRegistryAddress as Record<number, `0x${string}` | undefined>)[chainId];
    const models = (modelRegistryAddress as Record<number, `0x${string}` | undefined>)[chainId];
    if (!client || !publicClient || !registry || !models) {
      tx.fail(`Greenprint is not deployed on chain ${chainId}.`);
      return;
    }
    const id = BigInt(modelId);
    // Every value the user typed or imported stays, whatever fails: only the status line changes.
    tx.step("Checking the figures against the registry's rules…");
    let owner: string;
    let sealed: boolean;
    let latestEnd: readonly bigint[];
    try {
      // The rules that depend on chain state (owner, seal, period overlap), read fresh.
      [[owner, sealed], [latestEnd]] = await Promise.all([
        publicClient.readContract({
          address: models,
          abi: modelRegistryAbi,
          functionName: "attestationContext",
          args: [id],
        }),
        publicClient.readContract({
          address: registry,
          abi: attestationRegistryAbi,
          functionName: "modelCursor",
          args: [id],
        }),
      ]);
    } catch (error) {
      tx.failWith(error);
      return;
    }
    const kind = Number(values.kind) as Kind;
    const check = checkForm(values, id, {
      sealed,
      latestPeriodEnd: values.supersedes.trim() ? undefined : latestEnd[kind],
    });
    if (!check.ok) {
      setErrors(check.errors);
      tx.fail("Some fields need attention; nothing was stored or sent.");
      return;
    }
    if (address && owner.toLowerCase() !== address.toLowerCase()) {
      tx.fail(`Model #${modelId} belongs to ${owner}; connect that account to attest.`);
      return;
    }
    const i = check.input;
    const supersedes = (i.supersedes || zeroHash) as `0x${string}`;
    const document = buildFormEvidence(values, source, { modelId: id, name: modelName });
    const hash = evidenceHash(document);
    const attestation = (uri: string) => ({
      modelId: id,
      kind,
      method: Number(i.method),
      energyWh: BigInt(i.energyWh),
      pueMilli: Number(i.pueMilli),
      locationIntensity: Number(i.locationIntensity),
      renewableBps: Number(i.renewableBps),
      acceleratorHours: BigInt(i.acceleratorHours),
      workUnits: BigInt(i.workUnits ?? 0),
      embodiedG: BigInt(i.embodiedG ?? 0),
      periodStart: BigInt(i.periodStart),
      periodEnd: BigInt(i.periodEnd),
      region: encodeRegion(i.region),
      evidenceHash: hash,
      evidenceURI: uri,
      rowsRoot: document.rows?.root ?? zeroHash,
      supersedes,
    });
    if (supersedes !== zeroHash) {
      // A correction depends on its predecessor's state, which only the contract knows in full (a Rejected one
      // whose period was freed is refused): ask it now, before evidence is stored or the wallet asked.
      tx.step("Checking that the attestation it supersedes can be corrected…");
      const pre = await checkSubmission(client, attestation("pending"), supersedes);
      if (!pre.ok) {
        if (pre.supersedes) setErrors({ supersedes: pre.supersedes });
        tx.fail(pre.message);
        return;
      }
    }
    await tx.run(
      "Storing the evidence document…",
      async (progress) => {
        const uri = await storeEvidence(serializeEvidence(document), hash);
        progress.step("Confirm the transaction in your wallet…");
        return client.submitAttestation(attestation(uri), progress);
      },
      (r) =>
        `Attestation ${r.result.id.slice(0, 10)}… submitted for verification (evidence ${hash.slice(0, 10)}…).`,
    );
  }

  const input =
    "w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm dark:border-neutral-700 dark:bg-neutral-900";
  return (
    <div className="space-y-8">
      <section aria-labelledby="figures-source" className="space-y-3">
        <h2 id="figures-source" className="text-lg font-semibold">
          1. Where the figures come from
        </h2>
        <div role="tablist" aria-label="Source of the figures" className="flex flex-wrap gap-2">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
              className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm aria-selected:border-leaf-700 aria-selected:bg-leaf-50 aria-selected:font-medium dark:border-neutral-700 dark:aria-selected:bg-neutral-800"
            >
              {label}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          {tab === "codecarbon" ? (
            <CodeCarbonImport
              onApply={({ aggregate, source: s }) =>
                applied(
                  {
                    ...valuesFromCodeCarbon(values, aggregate),
                    notes: aggregate.warnings.join("\n"),
                  },
                  s,
                )
              }
            />
          ) : tab === "modelcard" ? (
            <ModelCardImport
              onApply={(card) =>
                applied(
                  {
                    ...values,
                    kind: String(card.imported.kind ?? values.kind),
                    method: String(Method.ESTIMATE),
                    energyWh: card.energyWh.toString(),
                    locationIntensity: String(card.intensity),
                    region: card.region,
                    notes: [card.derivation, ...card.imported.warnings.map((w) => w.message)].join("\n"),
                  },
                  { type: "modelcard", fileName: card.fileName, imported: card.imported },
                )
              }
            />
          ) : tab === "estimate" ? (
            <Estimator
              onApply={(e) =>
                applied(
                  {
                    ...values,
                    method: String(Method.ESTIMATE),
                    energyWh: e.energyWh.toString(),
                    acceleratorHours: e.acceleratorHours.toString(),
                    pue: e.pue,
                    locationIntensity: String(e.intensity),
                    region: e.region,
                  },
                  { type: "estimate", hardware: e.hardware, hours: e.hours, gridSource: e.gridSource },
                )
              }
            />
          ) : (
            <p className="text-sm">Type the figures below; say where each comes from in the notes.</p>
          )}
        </div>
      </section>

      <form onSubmit={submit} noValidate aria-labelledby="figures-title" className="space-y-4">
        <h2 id="figures-title" className="text-lg font-semibold">
          2. Check the figures and submit
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="kind" label="Kind" error={errors.kind}>
            <select id="kind" value={values.kind} onChange={set("kind")} className={input}>
              {Object.values(Kind).map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="method" label="Method" error={errors.method}>
            <select id="method" value={values.method} onChange={set("method")} className={input}>
              {Object.values(Method).map((m) => (
                <option key={m} value={m}>
                  {METHOD_NAMES[m]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="energyWh"
            label="Energy (Wh, PUE included)"
            inputMode="numeric"
            value={values.energyWh}
            onChange={set("energyWh")}
            error={errors.energyWh}
          />
          <Field
            id="pue"
            label="PUE"
            inputMode="decimal"
            value={values.pue}
            onChange={set("pue")}
            error={errors.pue}
            hint="1.000 to 5.000"
          />
          <Field
            id="locationIntensity"
            label="Grid intensity (gCO2e/kWh)"
            inputMode="numeric"
            value={values.locationIntensity}
            onChange={set("locationIntensity")}
            error={errors.locationIntensity}
          />
          <Field
            id="renewablePercent"
            label="Renewable share (%)"
            inputMode="decimal"
            value={values.renewablePercent}
            onChange={set("renewablePercent")}
            error={errors.renewablePercent}
            hint="On-site or contracted (PPA) supply"
          />
          <Field
            id="acceleratorHours"
            label="Accelerator hours"
            inputMode="numeric"
            value={values.acceleratorHours}
            onChange={set("acceleratorHours")}
            error={errors.acceleratorHours}
          />
          <Field
            id="workUnits"
            label={values.kind === String(Kind.INFERENCE) ? "Requests served" : "Tokens processed"}
            inputMode="numeric"
            value={values.workUnits}
            onChange={set("workUnits")}
            error={errors.workUnits}
            hint="The work the energy bought; empty if not stated"
          />
          <Field
            id="workUnitsSource"
            label="How the work was counted"
            value={values.workUnitsSource}
            onChange={set("workUnitsSource")}
            error={errors.workUnitsSource}
            hint="e.g. tokenizer count x epochs; recorded in the evidence"
          />
          <Field
            id="embodiedG"
            label="Embodied emissions (g)"
            inputMode="numeric"
            value={values.embodiedG}
            onChange={set("embodiedG")}
            error={errors.embodiedG}
            hint="0 if unknown"
          />
          <Field
            id="region"
            label="Region (ISO 3166)"
            value={values.region}
            onChange={set("region")}
            error={errors.region}
            placeholder="US-CA"
          />
          <Field
            id="periodStart"
            label="Period start (UTC)"
            type="datetime-local"
            step={1}
            value={values.periodStart}
            onChange={set("periodStart")}
            error={errors.periodStart}
          />
          <Field
            id="periodEnd"
            label="Period end (UTC)"
            type="datetime-local"
            step={1}
            value={values.periodEnd}
            onChange={set("periodEnd")}
            error={errors.periodEnd}
            max={toUtcInput(Math.floor(Date.now() / 1000))}
          />
          <Field
            id="supersedes"
            label="Corrects attestation (optional)"
            value={values.supersedes}
            onChange={set("supersedes")}
            error={errors.supersedes}
            placeholder="0x… id"
          />
        </div>
        <Field id="notes" label="Notes for the verifier (written into the evidence)" error={errors.notes}>
          <textarea id="notes" rows={3} value={values.notes} onChange={set("notes")} className={input} />
        </Field>
        {errors.source ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors.source}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={busy || status !== "connected"}
            className="rounded-md bg-leaf-700 px-4 py-2 font-medium text-white hover:bg-leaf-800 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {busy ? "Submitting…" : "Submit attestation"}
          </button>
          {status !== "connected" ? (
            <p className="text-sm">Connect the model owner's wallet to submit.</p>
          ) : null}
          <Link href={`/models/${modelId}`} className="text-sm underline">
            Back to the model
          </Link>
        </div>
        <div aria-live="polite">
          <TxStatus state={tx.state} />
        </div>
      </form>
    </div>
  );
}
