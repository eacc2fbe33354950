"use client";

import type { Hex } from "viem";
import { ArbiterRuling } from "@/components/arbiter/ArbiterRuling";

/** An arbiter upholds (attestation invalidated, bond returned) or dismisses (bond to treasury). */
export function ArbiterActions({ id }: { id: Hex }) {
  const document = (uphold: boolean) => (ruling: string) => ({
    schema: "greenprint.ruling/v1",
    attestationId: id,
    uphold,
    ruling,
  });
  return (
    <ArbiterRuling
      verb="rule"
      actions={[
        {
          label: "Uphold",
          primary: true,
          document: document(true),
          confirm: "Confirm the ruling in your wallet…",
          send: (client, rulingHash, o) => client.upholdDispute({ id, rulingHash }, o),
          done: "Upheld: the attestation is invalidated and the bond returned.",
        },
        {
          label: "Dismiss",
          document: document(false),
          confirm: "Confirm the ruling in your wallet…",
          send: (client, rulingHash, o) => client.dismissDispute({ id, rulingHash }, o),
          done: "Dismissed: the bond goes to the treasury.",
        },
      ]}
    />
  );
}
