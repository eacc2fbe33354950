"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { recordedSerial } from "@/lib/client";
import { CERTIFICATE_ISSUERS, CertificateKind } from "@/lib/spec";
import { mWhToWh, tonnesToG } from "@/lib/units";

const input =
  "w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900";

/** The owner records a REC or a retired carbon credit; a verifier confirms it later. */
export function RecordCertificateForm({ modelId, owner }: { modelId: string; owner: string }) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const router = useRouter();
  const [values, setValues] = useState({ kind: "0", amount: "", registry: "I-REC", serial: "", uri: "" });
  if (!address || address.toLowerCase() !== owner.toLowerCase()) {
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Connect the owner's wallet to record a certificate.
      </p>
    );
  }
  // What the contract will receive and hash (lib/certificateSerials): shown before the wallet is asked.
  let preview: string | null = null;
  try {
    preview = values.serial.trim() ? recordedSerial(values.registry, values.serial) : null;
  } catch {
    preview = null; // an invalid serial is explained on submit, with the field's sentence
  }
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [k]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    const kind = Number(values.kind) as CertificateKind;
    let amount: bigint;
    try {
      // Entered in MWh (REC) or tCO2e (credit), converted once here to the SPEC's Wh and g.
      amount = kind === CertificateKind.REC ? mWhToWh(values.amount.trim()) : tonnesToG(values.amount.trim());
    } catch (error) {
      return tx.fail(error instanceof Error ? error.message : String(error));
    }
    if (amount <= 0n) return tx.fail("The amount must be greater than 0.");
    if (!values.serial.trim())
      return tx.fail("Enter the certificate's serial as the retirement statement prints it.");
    const result = await tx.run(
      "Confirm in your wallet…",
      (o) =>
        client.recordCertificate(
          {
            modelId: BigInt(modelId),
            kind,
            amount,
            registry: values.registry,
            serial: values.serial,
            uri: values.uri.trim(),
          },
          o,
        ),
      (r) => `Certificate recorded with serial ${r.result.serial}; a verifier will confirm it.`,
    );
    if (result) router.refresh();
  }

  return (
    <form
      onSubmit={submit}
      className="grid gap-2 rounded-lg border border-neutral-200 p-3 sm:grid-cols-6 dark:border-neutral-800"
      aria-label="Record a certificate"
    >
      <label className="text-sm">
        <span className="block font-medium">Kind</span>
        <select value={values.kind} onChange={set("kind")} className={input}>
          <option value="0">REC (MWh)</option>
          <option value="1">Carbon credit (tCO2e)</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Amount</span>
        <input
          id="certificate-amount"
          value={values.amount}
          onChange={set("amount")}
          inputMode="decimal"
          className={input}
        />
      </label>
      <label className="text-sm">
        <span className="block font-medium">Registry</span>
        <input
          list="certificate-registries"
          value={values.registry}
          onChange={set("registry")}
          className={input}
        />
        <datalist id="certificate-registries">
          {CERTIFICATE_ISSUERS.map((i) => (
            <option key={i.label} value={i.label} />
          ))}
        </datalist>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Serial</span>
        <input
          id="certificate-serial"
          value={values.serial}
          onChange={set("serial")}
          className={input}
          aria-describedby="certificate-serial-hint"
        />
        <span id="certificate-serial-hint" className="block text-xs text-neutral-600 dark:text-neutral-400">
          As printed on the retirement statement. One record per certificate.{" "}
          {preview ? (
            <>
              Recorded as{" "}
              <span className="font-mono" data-testid="certificate-serial-preview">
                {preview}
              </span>
            </>
          ) : (
            "Recorded in the registry's one form: upper-case, a range as A TO B."
          )}
        </span>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Certificate URI</span>
        <input value={values.uri} onChange={set("uri")} className={input} />
      </label>
      <div className="flex items-end">
        <button
          type="submit"
          disabled={tx.busy}
          className="rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Record
        </button>
      </div>
      <div className="sm:col-span-6">
        <TxStatus state={tx.state} />
      </div>
    </form>
  );
}
