"use client";

import { useRouter } from "next/navigation";
import { useConnection } from "wagmi";
import { TrainingTallySummary } from "@/components/TrainingTallySummary";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { useReadAttestationRegistryIsVerifier } from "@/lib/generated/hooks";
import type { TallySummary } from "@/lib/server/trainingTally";
import { formatLeaf } from "@/lib/units";

const STATES = ["not requested", "requested, waiting for a verifier", "paid"] as const;

/**
 * The once-per-model efficiency bonus (SPEC 6): the owner of a sealed model that used less
 * training energy than its sealed parent requests it; a verifier confirms the models are
 * comparable and approves (the contract checks every other condition) or rejects. The approval reads the
 * training tallies of both models (SPEC 6, v1.1): anyone may tally Final runs; approving tallies what is ready
 * first, then approves, and an incomplete tally is explained before anything is approved.
 */
export function EfficiencyBonusPanel(props: {
  modelId: string;
  owner: string;
  state: number;
  hasParent: boolean;
  /** The model's training tally, then its parent's (none without a parent). */
  tallies: TallySummary[];
}) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const router = useRouter();
  const { data: isVerifier } = useReadAttestationRegistryIsVerifier({
    args: address ? [address] : undefined,
    query: { enabled: Boolean(address) },
  });
  const isOwner = address !== undefined && address.toLowerCase() === props.owner.toLowerCase();
  const id = BigInt(props.modelId);
  const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
  const after = (ok: unknown) => ok && router.refresh();
  const ready = props.tallies.reduce((n, t) => n + t.ready, 0);

  return (
    <div className="space-y-2 text-sm">
      <p data-testid="bonus-state">Efficiency bonus: {STATES[props.state] ?? `state ${props.state}`}.</p>
      {!props.hasParent ? (
        <p className="text-neutral-600 dark:text-neutral-400">
          Only a model registered with a base model (parent) can earn it.
        </p>
      ) : null}
      {props.hasParent ? <TrainingTallySummary tallies={props.tallies} /> : null}
      <div className="flex flex-wrap gap-2">
        {isOwner && props.state === 0 && props.hasParent ? (
          <button
            type="button"
            disabled={tx.busy}
            className={`${button} bg-leaf-700 text-white`}
            onClick={async () => {
              if (!client) return tx.fail("Greenprint is not deployed on this network.");
              after(
                await tx.run(
                  "Confirm in your wallet…",
                  (o) => client.requestEfficiencyBonus({ modelId: id }, o),
                  () => "Bonus requested; a verifier will review it.",
                ),
              );
            }}
          >
            Request the efficiency bonus
          </button>
        ) : null}
        {address && props.hasParent && props.state !== 2 && ready > 0 ? (
          <button
            type="button"
            disabled={tx.busy}
            className={`${button} border border-leaf-700`}
            onClick={async () => {
              if (!client) return tx.fail("Greenprint is not deployed on this network.");
              after(
                await tx.run(
                  "Confirm each tally transaction in your wallet…",
                  async (o) => {
                    let last: Awaited<ReturnType<typeof client.tallyTraining>> | undefined;
                    for (const t of props.tallies) {
                      if (t.ready === 0) continue;
                      const sent = await client.tallyReadyRuns({ modelId: BigInt(t.modelId) }, o);
                      last = sent.at(-1) ?? last;
                    }
                    if (!last) throw new Error("Nothing was ready to tally: reload the page.");
                    return last;
                  },
                  () => `Tallied ${ready} run(s).`,
                ),
              );
            }}
          >
            Tally {ready} ready run(s)
          </button>
        ) : null}
        {isVerifier && !isOwner && props.state === 1 ? (
          <>
            <button
              type="button"
              disabled={tx.busy}
              className={`${button} bg-leaf-700 text-white`}
              onClick={async () => {
                if (!client) return tx.fail("Greenprint is not deployed on this network.");
                after(
                  await tx.run(
                    "Confirm in your wallet…",
                    // tallies what is ready of both models first (one transaction per 50 runs), then approves
                    (o) => client.tallyAndApproveEfficiencyBonus({ modelId: id }, o).then((r) => r.approval),
                    (r) =>
                      `Approved: ${formatLeaf(r.result.bonus)} to the owner, ${formatLeaf(r.result.verifierReward)} to you.`,
                  ),
                );
              }}
            >
              Approve (models are comparable)
            </button>
            <button
              type="button"
              disabled={tx.busy}
              className={`${button} border border-red-700`}
              onClick={async () => {
                if (!client) return tx.fail("Greenprint is not deployed on this network.");
                after(
                  await tx.run(
                    "Confirm in your wallet…",
                    (o) => client.rejectEfficiencyBonus({ modelId: id }, o),
                    () => "Rejected.",
                  ),
                );
              }}
            >
              Reject
            </button>
          </>
        ) : null}
      </div>
      <TxStatus state={tx.state} />
    </div>
  );
}
