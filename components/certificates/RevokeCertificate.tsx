"use client";

import type { Hex } from "viem";
import { ArbiterRuling } from "@/components/arbiter/ArbiterRuling";

/** The arbiter revokes a Confirmed certificate proven double-claimed elsewhere; this frees its serial. */
export function RevokeCertificate({ id }: { id: Hex }) {
  return (
    <ArbiterRuling
      verb="revoke"
      emptyRuling="Write the ruling (e.g. where else it was claimed); its hash goes on chain."
      actions={[
        {
          label: "Revoke certificate",
          primary: true,
          document: (ruling) => ({ schema: "greenprint.certificate-ruling/v1", certificateId: id, ruling }),
          confirm: "Confirm the revocation in your wallet…",
          send: (client, reasonHash, o) => client.revokeCertificate({ id, reasonHash }, o),
          done: "Revoked: it no longer counts, and its serial is free again.",
        },
      ]}
    />
  );
}
