"use client";

import { useState } from "react";
import { type Hex, sha256, toBytes } from "viem";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { serializeSigned } from "@/lib/eip712";
import { formatUtc } from "@/lib/humanize";
import {
  checkEvidence,
  downloadEvidence,
  type EvidenceCheck,
  type OnChainFigures,
} from "@/lib/web/evidenceCheck";
import { storeEvidence } from "@/lib/web/evidenceClient";

export interface VerifyPanelProps {
  id: Hex;
  evidenceHash: Hex;
  evidenceURI: string;
  figures: OnChainFigures;
}

/** Fetch and re-hash the evidence, then verify, reject, or sign a verdict for someone to relay. */
export function VerifyPanel({ id, evidenceHash, evidenceURI, figures }: VerifyPanelProps) {
  const client = useGreenprint();
  const tx = useTx();
  const [check, setCheck] = useState<(EvidenceCheck & { from: string }) | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [signed, setSigned] = useState<string | null>(null);

  async function fetchAndCheck() {
    setCheckError(null);
    try {
      const { bytes, from } = await downloadEvidence(evidenceURI);
      setCheck({ ...checkEvidence(bytes, evidenceHash, figures), from });
    } catch (error) {
      setCheckError(error instanceof Error ? error.message : String(error));
    }
  }

  async function checkLocalFile(file: File | undefined) {
    if (!file) return;
    setCheckError(null);
    setCheck({
      ...checkEvidence(new Uint8Array(await file.arrayBuffer()), evidenceHash, figures),
      from: file.name,
    });
  }

  /** The reason document is stored like evidence; its SHA-256 goes on chain. */
  async function reasonHash(): Promise<Hex> {
    const bytes = toBytes(
      JSON.stringify({ schema: "greenprint.reason/v1", attestationId: id, reason: reason.trim() }),
    );
    const hash = sha256(bytes);
    await storeEvidence(bytes, hash);
    return hash;
  }

  async function verdict(approve: boolean) {
    if (!client) return tx.fail("Greenprint is not deployed on this network, or no wallet is connected.");
    if (!approve && reason.trim() === "")
      return tx.fail("Give a reason for the rejection; it is stored and hashed on chain.");
    if (approve) {
      await tx.run(
        "Confirm the verification in your wallet…",
        (o) => client.verify({ id }, o),
        (r) => `Verified. The challenge window ends ${formatUtc(r.result.finalAt)}.`,
      );
    } else {
      const hash = await reasonHash().catch((e: unknown) => {
        tx.fail(e instanceof Error ? e.message : String(e));
        return null;
      });
      if (hash)
        await tx.run(
          "Confirm the rejection in your wallet…",
          (o) => client.reject({ id, reasonHash: hash }, o),
          () => "Rejected.",
        );
    }
  }

  async function signVerdict(approve: boolean) {
    if (!client) return tx.fail("Greenprint is not deployed on this network, or no wallet is connected.");
    try {
      const hash = approve ? undefined : await reasonHash();
      const payload = await client.signVerdict({ attestationId: id, approve, reasonHash: hash });
      setSigned(serializeSigned(payload));
    } catch (error) {
      const { describeTxError } = await import("@/lib/web/txError");
      tx.fail(describeTxError(error));
    }
  }

  const matched = check?.ok === true && check.differences.length === 0;
  const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={fetchAndCheck} className={`${button} border border-neutral-400`}>
          Fetch and re-hash evidence
        </button>
        <label className="text-sm">
          or check a local copy{" "}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => checkLocalFile(e.target.files?.[0])}
            className="text-xs"
          />
        </label>
      </div>
      {checkError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {checkError}
        </p>
      ) : null}
      {check ? (
        <div
          data-testid="evidence-check"
          className={`rounded-md border p-3 text-sm ${matched ? "border-green-600 bg-green-50 dark:bg-green-950" : "border-red-600 bg-red-50 dark:bg-red-950"}`}
        >
          {matched ? (
            <p className="font-medium text-green-900 dark:text-green-100">
              Evidence matches: SHA-256 of the canonical document is the on-chain hash, and its figures equal
              the chain's.
            </p>
          ) : (
            <p className="font-medium text-red-900 dark:text-red-100">
              Evidence does not match — do not verify.
            </p>
          )}
          <ul className="mt-1 list-disc pl-5 text-xs">
            <li>
              downloaded from {check.from}: SHA-256 {check.hash ?? check.rawHash}
              {check.canonical ? "" : " (re-canonicalised)"}
            </li>
            <li>on chain: {evidenceHash}</li>
            {[...check.errors, ...check.differences].map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <label className="block text-sm">
        <span className="font-medium">Reason (needed to reject)</span>
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          className="mt-1 w-full rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={!matched || tx.busy}
          onClick={() => verdict(true)}
          className={`${button} bg-leaf-700 text-white`}
        >
          Verify
        </button>
        <button
          type="button"
          disabled={!check || tx.busy}
          onClick={() => verdict(false)}
          className={`${button} bg-red-700 text-white`}
        >
          Reject
        </button>
        <button
          type="button"
          disabled={!matched || tx.busy}
          onClick={() => signVerdict(true)}
          className={`${button} border border-leaf-700`}
        >
          Sign approval (gasless)
        </button>
        <button
          type="button"
          disabled={!check || tx.busy}
          onClick={() => signVerdict(false)}
          className={`${button} border border-red-700`}
        >
          Sign rejection (gasless)
        </button>
      </div>
      <div aria-live="polite">
        <TxStatus state={tx.state} />
      </div>
      {signed ? (
        <label className="block text-sm">
          <span className="font-medium">Signed verdict: anyone can relay it at /relay</span>
          <textarea
            data-testid="signed-verdict"
            readOnly
            value={signed}
            rows={8}
            className="mt-1 w-full rounded-md border border-neutral-300 bg-neutral-50 p-2 font-mono text-xs dark:border-neutral-700 dark:bg-neutral-900"
          />
        </label>
      ) : null}
    </div>
  );
}
