"use client";

import { useRouter } from "next/navigation";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { useReadAttestationRegistryIsVerifier } from "@/lib/generated/hooks";
import { formatLeaf } from "@/lib/units";

const STATES = ["not requested", "requested, waiting for a verifier", "paid"] as const;

/**
 * The once-per-model efficiency bonus (SPEC 6): the owner of a sealed model that used less
 * training energy than its sealed parent requests it; a verifier confirms the models are
 * comparable and approves (the contract checks every other condition) or rejects.
 */
export function EfficiencyBonusPanel(props: {
  modelId: string;
  owner: string;
  state: number;
  hasParent: boolean;
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

  return (
    <div className="space-y-2 text-sm">
      <p data-testid="bonus-state">Efficiency bonus: {STATES[props.state] ?? `state ${props.state}`}.</p>
      {!props.hasParent ? (
        <p className="text-neutral-600 dark:text-neutral-400">
          Only a model registered with a base model (parent) can earn it.
        </p>
      ) : null}
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
                    (o) => client.approveEfficiencyBonus({ modelId: id }, o),
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
