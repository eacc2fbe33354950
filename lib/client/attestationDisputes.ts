/** AttestationRegistry disputes: the challenger's bond, the arbiter's rulings and refunds of bonds. */
import { type Address, type Hex, zeroHash } from "viem";
import type { RegistryParams } from "./attestationReads";
import { type Core, eventArgs } from "./core";

export function attestationDisputesModule(core: Core, getParams: () => Promise<RegistryParams>) {
  const dispute = core.write(async (input: { id: Hex; reasonURI: string; bond?: bigint }) => {
    const bond = input.bond ?? (await getParams()).disputeBond;
    return {
      contract: "AttestationRegistry" as const,
      functionName: "dispute",
      args: [input.id, input.reasonURI],
      value: bond,
      fromEvents: () => ({ bond }),
    };
  });

  const upholdDispute = core.write((input: { id: Hex; rulingHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "upholdDispute",
    args: [input.id, input.rulingHash ?? zeroHash],
    fromEvents: () => undefined,
  }));

  const dismissDispute = core.write((input: { id: Hex; rulingHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "dismissDispute",
    args: [input.id, input.rulingHash ?? zeroHash],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      finalAt: eventArgs(events, "DisputeDismissed").finalAt as bigint,
    }),
  }));

  /**
   * Arbiter: invalidates, without a bond, a Verified (not yet Final) attestation whose verifier is no
   * longer accredited (SPEC 5, v1.1); the verifier's invalidated-verdict count grows by one.
   */
  const invalidateUnreviewed = core.write((input: { id: Hex; rulingHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "invalidateUnreviewed",
    args: [input.id, input.rulingHash ?? zeroHash],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      verifier: eventArgs(events, "AttestationInvalidatedUnreviewed").verifier as Address,
    }),
  }));

  const withdrawRefund = core.write((_input: undefined | Record<string, never> = undefined) => ({
    contract: "AttestationRegistry" as const,
    functionName: "withdrawRefund",
    args: [],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      amount: eventArgs(events, "RefundWithdrawn").amount as bigint,
    }),
  }));

  return { dispute, upholdDispute, dismissDispute, invalidateUnreviewed, withdrawRefund };
}
