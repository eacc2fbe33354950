/** EIP-712 signatures over the AttestationRegistry's types: submissions, verified attestations and verdicts. */
import { type Address, type Hex, type TypedDataDomain, zeroHash } from "viem";
import {
  defaultDeadline,
  type SignedSubmission,
  type SignedVerdict,
  type SignedVerifiedAttestation,
  submitAttestationTypedData,
  verdictTypedData,
  verifiedAttestationTypedData,
} from "../eip712";
import { type AttestationInput, prepareAttestation } from "./attestationInput";
import type { Core } from "./core";

/** Options of the signing helpers. */
export interface SignOptions {
  /** Default: the signer's current nonce on chain. */
  nonce?: bigint;
  /** Unix seconds; default: chain time + 1 hour. */
  deadline?: bigint;
}

export function attestationSigningModule(core: Core, nonces: (account: Address) => Promise<bigint>) {
  const wallet = core.config.walletClient;
  let domain: TypedDataDomain | undefined;

  /** The registry's EIP-712 domain, read once from its eip712Domain(). */
  async function eip712Domain(): Promise<TypedDataDomain> {
    if (!domain) {
      const [, name, version, chainId, verifyingContract] = await core.read(
        "AttestationRegistry",
        "eip712Domain",
      );
      domain = { name, version, chainId: Number(chainId), verifyingContract };
    }
    return domain;
  }

  /**
   * What every signature needs: this wallet's address (the signer), the domain, the nonce and deadline (given or
   * current), and a `sign` of typed data; `signed` wraps a signature in the payload a relayer sends.
   */
  async function context(options: SignOptions) {
    const address = core.account();
    const d = await eip712Domain();
    const [nonce, deadline] = await Promise.all([
      options.nonce ?? nonces(address),
      options.deadline ?? core.chainNow().then((now) => defaultDeadline(now)),
    ]);
    const account = wallet?.account ?? address;
    const w = wallet as NonNullable<typeof wallet>;
    const signed = <T extends string>(type: T, signature: Hex) => ({
      type,
      chainId: Number(d.chainId),
      verifyingContract: d.verifyingContract as Address,
      signer: address,
      nonce,
      deadline,
      signature,
    });
    return { domain: d, nonce, deadline, account, wallet: w, signed };
  }

  /** Signs an attestation's fields as one of the two attestation types (same domain, nonce, deadline). */
  async function signAttestationAs<T extends "SubmitAttestation" | "VerifiedAttestation">(
    type: T,
    input: AttestationInput,
    options: SignOptions,
  ) {
    const attestation = await prepareAttestation(core, input);
    const c = await context(options);
    const fields = { domain: c.domain, attestation, nonce: c.nonce, deadline: c.deadline };
    // One call per type: viem checks the message against each primary type's fields.
    const signature =
      type === "SubmitAttestation"
        ? await c.wallet.signTypedData({ account: c.account, ...submitAttestationTypedData(fields) })
        : await c.wallet.signTypedData({ account: c.account, ...verifiedAttestationTypedData(fields) });
    return { ...c.signed(type, signature), attestation };
  }

  /** The model owner (this wallet) signs an attestation so anyone can relay it with submitAttestationWithSig. */
  function signSubmission(input: AttestationInput, options: SignOptions = {}): Promise<SignedSubmission> {
    return signAttestationAs("SubmitAttestation", input, options);
  }

  /** A verifier (this wallet) signs an attestation's fields; the owner lands it Verified with submitVerified. */
  function signVerifiedAttestation(
    input: AttestationInput,
    options: SignOptions = {},
  ): Promise<SignedVerifiedAttestation> {
    return signAttestationAs("VerifiedAttestation", input, options);
  }

  /** A verifier (this wallet) signs a verdict that anyone can relay with relayVerdict. */
  async function signVerdict(
    input: { attestationId: Hex; approve: boolean; reasonHash?: Hex },
    options: SignOptions = {},
  ): Promise<SignedVerdict> {
    const c = await context(options);
    const reasonHash = input.reasonHash ?? zeroHash;
    const signature = await c.wallet.signTypedData({
      account: c.account,
      ...verdictTypedData({
        domain: c.domain,
        attestationId: input.attestationId,
        approve: input.approve,
        reasonHash,
        nonce: c.nonce,
        deadline: c.deadline,
      }),
    });
    return {
      ...c.signed("Verdict", signature),
      attestationId: input.attestationId,
      approve: input.approve,
      reasonHash,
    };
  }

  return { eip712Domain, signSubmission, signVerifiedAttestation, signVerdict };
}
