/** Governance of the AttestationRegistry: verifiers, roles, pause, parameters (admin, pauser). */
import { type Address, type Hex, keccak256, toHex, zeroHash } from "viem";
import type { Method } from "../spec";
import type { CallArgs, WriteName } from "./contracts";
import type { Core } from "./core";

/** Role ids (contracts/Common.sol). */
export const ROLES = {
  DEFAULT_ADMIN_ROLE: zeroHash,
  VERIFIER_ROLE: keccak256(toHex("VERIFIER_ROLE")),
  ARBITER_ROLE: keccak256(toHex("ARBITER_ROLE")),
  PAUSER_ROLE: keccak256(toHex("PAUSER_ROLE")),
} as const;

export function adminModule(core: Core) {
  const call =
    <I, F extends WriteName<"AttestationRegistry">>(
      functionName: F,
      args: (input: I) => CallArgs<"AttestationRegistry", F>,
    ) =>
    (input: I) => ({
      contract: "AttestationRegistry" as const,
      functionName,
      args: args(input),
      fromEvents: () => undefined,
    });
  return {
    accreditVerifier: core.write(
      call("accreditVerifier", (i: { account: Address; name: string; uri?: string }) => [
        i.account,
        i.name,
        i.uri ?? "",
      ]),
    ),
    updateVerifierProfile: core.write(
      call("updateVerifierProfile", (i: { name: string; uri?: string }) => [i.name, i.uri ?? ""]),
    ),
    grantRole: core.write(call("grantRole", (i: { role: Hex; account: Address }) => [i.role, i.account])),
    revokeRole: core.write(call("revokeRole", (i: { role: Hex; account: Address }) => [i.role, i.account])),
    pause: core.write(call("pause", (_: undefined | Record<string, never> = undefined) => [])),
    unpause: core.write(call("unpause", (_: undefined | Record<string, never> = undefined) => [])),
    setChallengeWindow: core.write(call("setChallengeWindow", (i: { seconds: number }) => [i.seconds])),
    setDisputeBond: core.write(call("setDisputeBond", (i: { wei: bigint }) => [i.wei])),
    setBaselineIntensity: core.write(call("setBaselineIntensity", (i: { value: number }) => [i.value])),
    setMethodBps: core.write(call("setMethodBps", (i: { method: Method; bps: number }) => [i.method, i.bps])),
    setVerifierBps: core.write(call("setVerifierBps", (i: { bps: number }) => [i.bps])),
    setEfficiencyBps: core.write(call("setEfficiencyBps", (i: { bps: number }) => [i.bps])),
    setMaxRewardPerAttestation: core.write(
      call("setMaxRewardPerAttestation", (i: { wei: bigint }) => [i.wei]),
    ),
    setTreasury: core.write(call("setTreasury", (i: { treasury: Address }) => [i.treasury])),
  };
}
