// What the SDK client tests on anvil share: the chain, the model the first steps register, the chain's clock at
// the start, a factory of valid attestations, and two helpers. The steps run in order, in one describe of
// test/sdk/client.test.ts.
import assert from "node:assert/strict";
import type { Hex, PrivateKeyAccount } from "viem";
import { submitAttestationTypedData } from "../../lib/eip712";
import { explainError } from "../../lib/errors";
import type { AttestationFormInput } from "../../lib/validation";
import type { TestChain } from "./chain";

export interface SdkContext {
  t: TestChain;
  /** The model registered by the registerModel step. */
  modelId: bigint;
  /** The attestation the submitVerifyClaim step submits and claims. */
  firstId: Hex;
  /** The owner-signed submission the relay step lands (the verdict step rejects it). */
  signedId: Hex;
  /** The chain's clock when the chain started. */
  now: bigint;
  /** A valid attestation of `modelId` with an evidence document of its own, `over` applied. */
  attestation: (over?: Partial<AttestationFormInput>) => AttestationFormInput;
}

/** The owner's submission signed for another chain id (replay across chains must fail). */
export async function signForChain(t: TestChain, input: AttestationFormInput, chainId: number) {
  const owner = t.owner;
  const attestation = await owner.prepareAttestation(input);
  const domain = { ...(await owner.eip712Domain()), chainId };
  const nonce = await owner.nonces(t.addr.owner);
  const deadline = (await owner.chainNow()) + 3600n;
  const signature = await (t.accounts[1] as PrivateKeyAccount).signTypedData(
    submitAttestationTypedData({ domain, attestation, nonce, deadline }),
  );
  return { signature };
}

export async function rejects(p: Promise<unknown>, sentence: RegExp): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    assert.match(explainError(error), sentence);
    return error;
  }
  assert.fail(`expected a failure matching ${sentence}`);
}
