"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useConnection } from "wagmi";
import { Field } from "@/components/forms/Field";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { metadataBytes, metadataHash } from "@/lib/metadata";
import { storeEvidence } from "@/lib/web/evidenceClient";
import {
  EMPTY_MODEL_FORM,
  type ModelFormErrors,
  type ModelFormValues,
  TASKS,
  toRegistration,
  validateModelForm,
} from "@/lib/web/modelForm";

export function RegisterModelForm() {
  const [values, setValues] = useState<ModelFormValues>(EMPTY_MODEL_FORM);
  const [errors, setErrors] = useState<ModelFormErrors>({});
  /** The model just registered: the next steps link to it. */
  const [registered, setRegistered] = useState<bigint | null>(null);
  const { status } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const router = useRouter();
  const busy = tx.busy;

  const set = (field: keyof ModelFormValues) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateModelForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      tx.fail("Some fields need attention; nothing was sent.");
      return;
    }
    if (!client) {
      tx.fail("Greenprint is not deployed on this network, or no wallet is connected.");
      return;
    }
    const registration = toRegistration(values);
    // On failure the form keeps every value the user typed: only the status line changes.
    const done = await tx.run(
      "Storing the metadata document…",
      async (progress) => {
        const hash = metadataHash(registration.metadata);
        const uri = await storeEvidence(metadataBytes(registration.metadata), hash);
        progress.step("Confirm the transaction in your wallet…");
        return client.registerModel(
          {
            metadataURI: uri,
            metadataHash: hash,
            parentId: registration.parentId,
            parameterCount: registration.parameterCount,
          },
          progress,
        );
      },
      (r) => `Model #${r.result.modelId} "${registration.metadata.name}" registered.`,
    );
    if (done) {
      setRegistered(done.result.modelId);
      setValues(EMPTY_MODEL_FORM);
      router.refresh();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-4" aria-describedby="register-status">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="name"
          label="Name"
          value={values.name}
          onChange={set("name")}
          error={errors.name}
          required
        />
        <Field
          id="version"
          label="Version"
          value={values.version}
          onChange={set("version")}
          error={errors.version}
          required
        />
        <Field
          id="organization"
          label="Organization"
          value={values.organization}
          onChange={set("organization")}
          error={errors.organization}
          required
        />
        <Field id="task" label="Task" error={errors.task}>
          <select
            id="task"
            name="task"
            value={values.task}
            onChange={set("task")}
            className="w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm dark:border-neutral-700 dark:bg-neutral-900"
          >
            {TASKS.map((task) => (
              <option key={task}>{task}</option>
            ))}
          </select>
        </Field>
        <Field
          id="architecture"
          label="Architecture"
          value={values.architecture}
          onChange={set("architecture")}
          error={errors.architecture}
          placeholder="decoder-only transformer"
          required
        />
        <Field
          id="parameterCount"
          label="Parameter count"
          inputMode="numeric"
          value={values.parameterCount}
          onChange={set("parameterCount")}
          error={errors.parameterCount}
          placeholder="7000000000"
          required
        />
        <Field
          id="trainingTokens"
          label="Training tokens (optional)"
          inputMode="numeric"
          value={values.trainingTokens}
          onChange={set("trainingTokens")}
          error={errors.trainingTokens}
        />
        <Field
          id="license"
          label="License"
          value={values.license}
          onChange={set("license")}
          error={errors.license}
          placeholder="apache-2.0"
          required
        />
        <Field
          id="parentId"
          label="Base model id (optional)"
          inputMode="numeric"
          value={values.parentId}
          onChange={set("parentId")}
          error={errors.parentId}
          hint="The registered model this one fine-tunes or succeeds."
        />
        <Field
          id="links"
          label="Links (optional)"
          value={values.links}
          onChange={set("links")}
          error={errors.links}
          hint="Hugging Face repo ids or URLs, separated by commas."
        />
      </div>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={busy || status !== "connected"}
          className="rounded-md bg-leaf-700 px-4 py-2 font-medium text-white hover:bg-leaf-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {busy ? "Registering…" : "Register model"}
        </button>
        {status !== "connected" ? <p className="text-sm">Connect a wallet to register a model.</p> : null}
      </div>
      <div id="register-status" aria-live="polite">
        <TxStatus state={tx.state} />
        {registered !== null && tx.state.phase === "confirmed" ? (
          <p className="mt-2 text-sm">
            Next:{" "}
            <Link href={`/models/${registered}/attest`} prefetch={false} className="underline">
              submit its first attestation
            </Link>{" "}
            or{" "}
            <Link href={`/models/${registered}`} prefetch={false} className="underline">
              see its public page
            </Link>
            .
          </p>
        ) : null}
      </div>
    </form>
  );
}
