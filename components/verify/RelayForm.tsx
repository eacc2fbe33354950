"use client";

import { useState } from "react";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { parseSigned, type SignedPayload } from "@/lib/eip712";
import { formatUtc } from "@/lib/humanize";

/** Anyone relays a signed verdict, owner-signed submission or verifier-signed attestation, paying the gas. */
export function RelayForm() {
  const client = useGreenprint();
  const tx = useTx();
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<SignedPayload | null>(null);
  const [error, setError] = useState<string | null>(null);

  function read(value: string) {
    setText(value);
    setError(null);
    setParsed(null);
    if (!value.trim()) return;
    try {
      setParsed(parseSigned(value));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function relay() {
    if (!parsed) return;
    if (!client) return tx.fail("Greenprint is not deployed on this network, or no wallet is connected.");
    if (parsed.type === "Verdict") {
      const p = parsed;
      await tx.run(
        "Confirm the relay in your wallet…",
        (o) => client.relayVerdict(p, o),
        () => `Relayed ${p.approve ? "approval" : "rejection"} signed by ${p.signer}.`,
      );
    } else if (parsed.type === "SubmitAttestation") {
      const p = parsed;
      await tx.run(
        "Confirm the relay in your wallet…",
        (o) => client.submitAttestationWithSig(p, o),
        () => `Relayed the submission signed by ${p.signer}.`,
      );
    } else {
      const p = parsed;
      await tx.run(
        "Confirm the relay in your wallet…",
        (o) => client.submitVerified(p, o),
        () => `Landed the attestation verified by ${p.signer}.`,
      );
    }
  }

  return (
    <div className="max-w-3xl space-y-3">
      <label htmlFor="signed" className="block text-sm font-medium">
        Signed payload (JSON)
      </label>
      <textarea
        id="signed"
        value={text}
        onChange={(e) => read(e.target.value)}
        rows={10}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "signed-error" : undefined}
        className="w-full rounded-md border border-neutral-300 bg-white p-2 font-mono text-xs dark:border-neutral-700 dark:bg-neutral-900"
      />
      {error ? (
        <p id="signed-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {parsed ? (
        <p className="text-sm" data-testid="relay-summary">
          {parsed.type === "Verdict" ? (parsed.approve ? "Approval" : "Rejection") : parsed.type} signed by{" "}
          <span className="font-mono">{parsed.signer}</span> for chain {parsed.chainId}, valid until{" "}
          {formatUtc(parsed.deadline)}.
        </p>
      ) : null}
      <button
        type="button"
        disabled={!parsed || tx.busy}
        onClick={relay}
        className="rounded-md bg-leaf-700 px-4 py-2 font-medium text-white disabled:cursor-not-allowed disabled:opacity-50"
      >
        Relay
      </button>
      <div aria-live="polite">
        <TxStatus state={tx.state} />
      </div>
    </div>
  );
}
