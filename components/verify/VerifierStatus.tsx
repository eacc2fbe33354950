"use client";

import { useChainId, useConnection } from "wagmi";
import { attestationRegistryAddress, useReadAttestationRegistryIsVerifier } from "@/lib/generated/hooks";

/** Tells the connected account whether its verdicts will be accepted. */
export function VerifierStatus() {
  const { address } = useConnection();
  const chainId = useChainId();
  const deployed = Boolean((attestationRegistryAddress as Record<number, string | undefined>)[chainId]);
  const { data: isVerifier, isLoading } = useReadAttestationRegistryIsVerifier({
    args: address ? [address] : undefined,
    query: { enabled: Boolean(address) && deployed },
  });
  if (!address)
    return (
      <p className="text-sm">Connect a verifier's wallet to give verdicts; anyone can relay a signed one.</p>
    );
  if (isLoading) return <p className="text-sm">Checking accreditation…</p>;
  return isVerifier ? (
    <p className="text-sm text-leaf-800 dark:text-leaf-100" data-testid="verifier-status">
      This account is an accredited verifier.
    </p>
  ) : (
    <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="verifier-status">
      This account is not an accredited verifier: its verdicts will be refused. It can still relay signed
      verdicts.
    </p>
  );
}
