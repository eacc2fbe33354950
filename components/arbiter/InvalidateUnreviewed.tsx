"use client";

import type { Hex } from "viem";
import { ArbiterRuling } from "@/components/arbiter/ArbiterRuling";

/**
 * The arbiter invalidates, without a bond, a Verified attestation of a revoked verifier before it is Final
 * (SPEC 5, v1.1). A refusal (verifier accredited again, window over, disputed meanwhile, paused) is shown as
 * the contract's reason in plain words; the ruling stays in the form.
 */
export function InvalidateUnreviewed({ id }: { id: Hex }) {
  return (
    <ArbiterRuling
      verb="invalidate"
      actions={[
        {
          label: "Invalidate unreviewed",
          primary: true,
          document: (ruling) => ({
            schema: "greenprint.ruling/v1",
            attestationId: id,
            invalidateUnreviewed: true,
            ruling,
          }),
          confirm: "Confirm the invalidation in your wallet…",
          send: (client, rulingHash, o) => client.invalidateUnreviewed({ id, rulingHash }, o),
          done: "Invalidated: the attestation earns nothing, its period can be attested again, and the verifier's record counts the invalidated verdict.",
        },
      ]}
    />
  );
}
