"use client";

import { useState } from "react";
import { stringToHex } from "viem";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { canonicalIssuer } from "@/lib/client";
import { useReadCertificateRegistryIsIssuer } from "@/lib/generated/hooks";

const input =
  "w-full max-w-md rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900";
const button =
  "rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50";

/** The label as the contract stores it (bytes32, left-aligned), or why it cannot be one. */
function labelBytes(label: string): { hex: `0x${string}` } | { problem: string } {
  const trimmed = label.trim();
  if (trimmed === "") return { problem: "Give the issuing registry's label, e.g. EKOenergy." };
  if (new TextEncoder().encode(trimmed).length > 32) {
    return { problem: `"${trimmed}" is longer than 32 bytes: the contract stores the label in 32 bytes.` };
  }
  return { hex: stringToHex(trimmed, { size: 32 }) };
}

/**
 * Admin: accepts an issuing registry's label for new certificates, or withdraws it (`setIssuer`, SPEC 8); recorded
 * certificates keep their label either way. Shows the label's current state as the chain has it.
 */
export function IssuerForm() {
  const client = useGreenprint();
  const tx = useTx();
  const [label, setLabel] = useState("");
  const bytes = labelBytes(label);
  const current = useReadCertificateRegistryIsIssuer({
    args: "hex" in bytes ? [bytes.hex] : undefined,
    query: { enabled: "hex" in bytes },
  });

  async function send(accepted: boolean) {
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    if ("problem" in bytes) return tx.fail(bytes.problem);
    const name = label.trim();
    // The apps send a known spelling as its registry's one label (review finding L-1): accepting "irec" beside
    // "I-REC" would let the same certificate be recorded under both by a caller that bypasses them.
    const canonical = canonicalIssuer(name);
    if (accepted && canonical !== name) {
      return tx.fail(
        `"${name}" is a spelling of "${canonical}", the label the apps send for it: accept "${canonical}".`,
      );
    }
    const result = await tx.run(
      "Confirm in your wallet…",
      (o) => client.setIssuer({ registry: name, accepted }, o),
      () =>
        accepted
          ? `"${name}" is accepted: owners can record certificates under it.`
          : `"${name}" is withdrawn: new certificates under it are refused; recorded ones stay.`,
    );
    if (result) await current.refetch();
  }

  return (
    <section className="space-y-2" aria-labelledby="issuers">
      <h2 id="issuers" className="text-lg font-semibold">
        Issuing registries (certificates)
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Certificates are accepted only under a label governance accepted. Known spellings of I-REC, Verra,
        Gold Standard and others map to one label in the apps, so accept a new registry under its one official
        name.
      </p>
      <form
        aria-label="Issuing registry"
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <input
          aria-label="Registry label"
          placeholder="e.g. EKOenergy"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          className={input}
        />
        <button type="submit" disabled={tx.busy} className={button}>
          Accept
        </button>
        <button
          type="button"
          disabled={tx.busy}
          onClick={() => void send(false)}
          className={`${button} bg-red-700`}
        >
          Withdraw
        </button>
      </form>
      {"hex" in bytes && current.data !== undefined ? (
        <p className="text-sm" data-testid="issuer-state">
          “{label.trim()}” is {current.data ? "accepted" : "not accepted"} for new certificates.
        </p>
      ) : null}
      <div aria-live="polite">
        <TxStatus state={tx.state} />
      </div>
    </section>
  );
}
