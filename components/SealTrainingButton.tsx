"use client";

import { useRouter } from "next/navigation";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";

/** The owner declares the training footprint complete: no PRETRAINING attestation after this. */
export function SealTrainingButton({
  modelId,
  owner,
  sealed,
}: {
  modelId: string;
  owner: string;
  sealed: boolean;
}) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const router = useRouter();
  if (sealed)
    return <p className="text-sm">Training is sealed: the declared training footprint is complete.</p>;
  if (!address || address.toLowerCase() !== owner.toLowerCase()) {
    return <p className="text-sm">Training is open: the owner may still add pre-training attestations.</p>;
  }
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={tx.busy}
        className="rounded-md border border-neutral-500 px-3 py-1.5 text-sm font-medium disabled:opacity-50"
        onClick={async () => {
          if (!client) return tx.fail("Greenprint is not deployed on this network.");
          const ok = await tx.run(
            "Confirm in your wallet…",
            (o) => client.sealTraining({ modelId: BigInt(modelId) }, o),
            () => "Training sealed: every training run is counted.",
          );
          if (ok) router.refresh();
        }}
      >
        Seal training (irreversible)
      </button>
      <TxStatus state={tx.state} />
    </div>
  );
}
