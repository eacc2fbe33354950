"use client";

import { type FormEvent, useState } from "react";
import { type Address, isAddress, parseEther } from "viem";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { ROLES } from "@/lib/client";
import { useReadAttestationRegistryHasRole } from "@/lib/generated/hooks";
import { Method } from "@/lib/spec";
import { IssuerForm } from "./IssuerForm";

export interface CurrentParams {
  challengeWindow: number;
  disputeBondEth: string;
  baselineIntensity: number;
  methodBps: [number, number, number];
  verifierBps: number;
  efficiencyBps: number;
  maxRewardLeaf: string;
  treasury: string;
  paused: boolean;
}

const input =
  "w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900";
const button =
  "rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50";

/** Governance actions; each form keeps its values whatever the outcome. */
export function AdminPanel({ params }: { params: CurrentParams }) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const enabled = { enabled: Boolean(address) };
  const admin = useReadAttestationRegistryHasRole({
    args: address ? [ROLES.DEFAULT_ADMIN_ROLE, address] : undefined,
    query: enabled,
  });
  const pauser = useReadAttestationRegistryHasRole({
    args: address ? [ROLES.PAUSER_ROLE, address] : undefined,
    query: enabled,
  });
  const isAdmin = admin.data === true;
  const isPauser = pauser.data === true;
  const [verifier, setVerifier] = useState({ account: "", name: "", uri: "" });
  const [suspend, setSuspend] = useState("");
  const [values, setValues] = useState({
    challengeWindow: String(params.challengeWindow),
    disputeBondEth: params.disputeBondEth,
    baselineIntensity: String(params.baselineIntensity),
    meter: String(params.methodBps[0]),
    software: String(params.methodBps[1]),
    estimate: String(params.methodBps[2]),
    verifierBps: String(params.verifierBps),
    efficiencyBps: String(params.efficiencyBps),
    maxRewardLeaf: params.maxRewardLeaf,
    treasury: params.treasury,
  });

  if (!address)
    return (
      <p className="text-sm">
        Connect a governance wallet to change anything. Current settings are shown below.
      </p>
    );
  if (!isAdmin && !isPauser) {
    return (
      <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="admin-denied">
        This account holds no admin or pauser role: governance actions are not available to it.
      </p>
    );
  }
  const need = () => {
    if (!client) {
      tx.fail("Greenprint is not deployed on this network.");
      return null;
    }
    return client;
  };

  async function accredit(event: FormEvent) {
    event.preventDefault();
    const c = need();
    if (!c) return;
    if (!isAddress(verifier.account)) return tx.fail(`"${verifier.account}" is not an address.`);
    if (!verifier.name.trim()) return tx.fail("Give the verifier's public name.");
    await tx.run(
      "Confirm in your wallet…",
      (o) =>
        c.accreditVerifier(
          { account: verifier.account as Address, name: verifier.name.trim(), uri: verifier.uri.trim() },
          o,
        ),
      () => `${verifier.name.trim()} is accredited.`,
    );
  }

  async function suspendVerifier(event: FormEvent) {
    event.preventDefault();
    const c = need();
    if (!c) return;
    if (!isAddress(suspend)) return tx.fail(`"${suspend}" is not an address.`);
    await tx.run(
      "Confirm in your wallet…",
      (o) => c.revokeRole({ role: ROLES.VERIFIER_ROLE, account: suspend as Address }, o),
      () => `${suspend} is suspended: its verdicts are refused from now on.`,
    );
  }

  /** One parameter at a time: each change is its own transaction and event. */
  async function setParam(name: keyof typeof values) {
    const c = need();
    if (!c) return;
    const v = values[name].trim();
    const whole = (label: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${label} must be a whole number (got "${v}").`);
      return Number(v);
    };
    try {
      const send = {
        challengeWindow: () => c.setChallengeWindow({ seconds: whole("Challenge window") }),
        disputeBondEth: () => c.setDisputeBond({ wei: parseEther(v) }),
        baselineIntensity: () => c.setBaselineIntensity({ value: whole("Baseline intensity") }),
        meter: () => c.setMethodBps({ method: Method.METER, bps: whole("METER weight") }),
        software: () => c.setMethodBps({ method: Method.SOFTWARE, bps: whole("SOFTWARE weight") }),
        estimate: () => c.setMethodBps({ method: Method.ESTIMATE, bps: whole("ESTIMATE weight") }),
        verifierBps: () => c.setVerifierBps({ bps: whole("Verifier share") }),
        efficiencyBps: () => c.setEfficiencyBps({ bps: whole("Efficiency share") }),
        maxRewardLeaf: () => c.setMaxRewardPerAttestation({ wei: parseEther(v) }),
        treasury: () => {
          if (!isAddress(v)) throw new Error(`"${v}" is not an address.`);
          return c.setTreasury({ treasury: v });
        },
      }[name];
      await tx.run(
        "Confirm in your wallet…",
        () => send(),
        () => `${name} set to ${v}.`,
      );
    } catch (error) {
      tx.fail(error instanceof Error ? error.message : String(error));
    }
  }

  const params$: [keyof typeof values, string, string][] = [
    ["challengeWindow", "Challenge window (seconds)", "SPEC default 604800 (7 days)"],
    ["disputeBondEth", "Dispute bond (native currency)", ""],
    ["baselineIntensity", "Baseline intensity (gCO2e/kWh)", "SPEC default 475"],
    ["meter", "METER reward weight (bps)", "default 10000"],
    ["software", "SOFTWARE reward weight (bps)", "default 8000"],
    ["estimate", "ESTIMATE reward weight (bps)", "default 0"],
    ["verifierBps", "Verifier share (bps)", "default 1000"],
    ["efficiencyBps", "Efficiency bonus share (bps)", "default 5000"],
    ["maxRewardLeaf", "Cap per attestation (LEAF)", "default 1,000,000"],
    ["treasury", "Treasury (receives dismissed bonds)", ""],
  ];

  return (
    <div className="space-y-8">
      <div aria-live="polite">
        <TxStatus state={tx.state} />
      </div>
      {isPauser ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Emergency pause</h2>
          <p className="text-sm">Registry is {params.paused ? "paused" : "running"}.</p>
          <button
            type="button"
            disabled={tx.busy}
            className={`${button} ${params.paused ? "" : "bg-red-700"}`}
            onClick={() => {
              const c = need();
              if (c)
                void tx.run(
                  "Confirm in your wallet…",
                  (o) => (params.paused ? c.unpause(undefined, o) : c.pause(undefined, o)),
                  () =>
                    params.paused
                      ? "Unpaused."
                      : "Paused: every state-changing entry point refuses until unpaused.",
                );
            }}
          >
            {params.paused ? "Unpause" : "Pause everything"}
          </button>
        </section>
      ) : null}
      {isAdmin ? (
        <>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">Accredit a verifier</h2>
            <form onSubmit={accredit} className="grid gap-2 sm:grid-cols-4">
              <input
                aria-label="Verifier address"
                placeholder="0x… address"
                value={verifier.account}
                onChange={(e) => setVerifier({ ...verifier, account: e.target.value })}
                className={input}
              />
              <input
                aria-label="Public name"
                placeholder="Public name"
                value={verifier.name}
                onChange={(e) => setVerifier({ ...verifier, name: e.target.value })}
                className={input}
              />
              <input
                aria-label="Profile URI"
                placeholder="https://… profile"
                value={verifier.uri}
                onChange={(e) => setVerifier({ ...verifier, uri: e.target.value })}
                className={input}
              />
              <button type="submit" disabled={tx.busy} className={button}>
                Accredit
              </button>
            </form>
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">Suspend a verifier</h2>
            <form onSubmit={suspendVerifier} className="flex flex-wrap gap-2">
              <input
                aria-label="Verifier to suspend"
                placeholder="0x… address"
                value={suspend}
                onChange={(e) => setSuspend(e.target.value)}
                className={`${input} max-w-md`}
              />
              <button type="submit" disabled={tx.busy} className={`${button} bg-red-700`}>
                Suspend
              </button>
            </form>
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">Parameters</h2>
            <div className="grid gap-3 sm:grid-cols-2">
              {params$.map(([key, label, hint]) => (
                <div key={key} className="flex items-end gap-2">
                  <label className="flex-1 text-sm">
                    <span className="block font-medium">{label}</span>
                    <input
                      value={values[key]}
                      onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                      className={input}
                    />
                    {hint ? (
                      <span className="text-xs text-neutral-600 dark:text-neutral-400">{hint}</span>
                    ) : null}
                  </label>
                  <button type="button" disabled={tx.busy} onClick={() => setParam(key)} className={button}>
                    Set
                  </button>
                </div>
              ))}
            </div>
          </section>
          <IssuerForm />
        </>
      ) : null}
    </div>
  );
}
