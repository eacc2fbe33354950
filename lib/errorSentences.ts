/**
 * The plain-English sentence of every custom error of every Greenprint contract, with its values formatted as a
 * person reads them (statuses, roles, times, LEAF and ether amounts). lib/errors decodes a revert and picks its
 * sentence here. Browser-safe.
 */
import { type Hex, hexToString, keccak256, toHex, zeroHash } from "viem";
import { formatUtc } from "./humanize";
import { KIND_NAMES, type Kind } from "./spec";

/** Status names of contracts/Common.sol, as a person reads them. */
const STATUS_WORDS = [
  "None (no such attestation)",
  "Submitted",
  "Verified",
  "Disputed",
  "Rejected",
  "Withdrawn",
  "Invalidated",
  "Superseded",
  "Final",
] as const;
const CERTIFICATE_STATUS_WORDS = [
  "None (no such certificate, or an earlier record of a serial recorded again)",
  "Pending",
  "Confirmed",
  "Rejected",
  "Revoked",
] as const;

const ROLE_NAMES: Record<string, string> = {
  [zeroHash]: "admin (DEFAULT_ADMIN_ROLE)",
  [keccak256(toHex("VERIFIER_ROLE"))]: "verifier (VERIFIER_ROLE)",
  [keccak256(toHex("ARBITER_ROLE"))]: "arbiter (ARBITER_ROLE)",
  [keccak256(toHex("PAUSER_ROLE"))]: "pauser (PAUSER_ROLE)",
};

const big = (v: unknown): bigint => (typeof v === "bigint" ? v : BigInt(v as number));
/** Fixed-point with exactly `decimals` digits: (6000n, 3) → "6.000". */
function fixed(v: unknown, decimals: number): string {
  const n = big(v);
  const unit = 10n ** BigInt(decimals);
  return `${n / unit}.${(n % unit).toString().padStart(decimals, "0")}`;
}
function status(v: unknown): string {
  return STATUS_WORDS[Number(v)] ?? `status ${String(v)}`;
}
function when(v: unknown): string {
  const n = big(v);
  if (n > 253402300799n) return `${n} (unix seconds)`;
  // A date people read, to the second (a revert may hinge on seconds), never raw unix seconds.
  return formatUtc(n, { seconds: true });
}
/** Ether amount of a wei value, trailing zeros dropped. */
function eth(v: unknown): string {
  const n = big(v);
  const whole = n / 10n ** 18n;
  const frac = (n % 10n ** 18n).toString().padStart(18, "0").replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} ETH`;
}
function leaf(v: unknown): string {
  const n = big(v);
  const whole = n / 10n ** 18n;
  const frac = (n % 10n ** 18n).toString().padStart(18, "0").replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} LEAF`;
}
function bytes32Name(v: unknown): string {
  try {
    return hexToString(v as Hex, { size: 32 }).replace(/\0+$/, "");
  } catch {
    return String(v);
  }
}
function role(v: unknown): string {
  return ROLE_NAMES[String(v).toLowerCase()] ?? `role ${String(v)}`;
}
function kind(v: unknown): string {
  return KIND_NAMES[Number(v) as Kind] ?? `kind ${String(v)}`;
}

export type Sentence = (args: readonly unknown[]) => string;

/**
 * One sentence per custom error name, built from the error's arguments (in ABI order).
 * A test iterates over every error of the generated ABIs and fails when one is missing here.
 */
export const ERROR_SENTENCES: Readonly<Record<string, Sentence>> = {
  // ------------------------------------------------------------ AttestationRegistry
  AttestationRegistryPaused: () =>
    "The Greenprint registry is paused: no state change is possible until the pauser unpauses it.",
  AttestationRegistryZeroEnergy: ([e]) => `Energy is ${e} Wh: an attestation needs energyWh greater than 0.`,
  AttestationRegistryPueOutOfRange: ([p]) => `PUE ${fixed(p, 3)} is outside 1.000–5.000.`,
  AttestationRegistryRenewableOutOfRange: ([r]) =>
    `Renewable share ${r} bps (${fixed(r, 2)}%) is above 10000 bps (100%).`,
  AttestationRegistryIntensityOutOfRange: ([i]) =>
    `Grid intensity ${i} gCO2e/kWh is above the maximum of 2000 gCO2e/kWh.`,
  AttestationRegistryInvalidPeriod: ([s, e]) =>
    `The period start ${when(s)} is not before its end ${when(e)}.`,
  AttestationRegistryPeriodInFuture: ([e, now]) =>
    `The period ends at ${when(e)}, after the current block time ${when(now)}: only past periods can be attested.`,
  AttestationRegistryEmptyEvidence: () =>
    "The evidence hash is zero: an attestation needs the SHA-256 of its evidence document.",
  AttestationRegistryNotModelOwner: ([m, a]) => `Account ${a} does not own model ${m}.`,
  AttestationRegistryModelNotFound: ([m]) => `Model ${m} does not exist.`,
  AttestationRegistryTrainingSealed: ([m]) =>
    `Model ${m} has sealed its training: no PRETRAINING attestation can be added any more.`,
  AttestationRegistryPeriodOverlap: ([s, latest]) =>
    `The period starts at ${when(s)}, before the end (${when(latest)}) of the latest attestation of this model and kind: periods may not overlap (supersede the earlier attestation to correct it).`,
  AttestationRegistrySupersedesUnknown: ([id]) => `There is no attestation ${id} to supersede.`,
  AttestationRegistrySupersedesOtherModel: ([id, m]) =>
    `Attestation ${id} belongs to model ${m}: a correction must supersede an attestation of the same model.`,
  AttestationRegistrySupersedesOtherKind: ([id, k]) =>
    `Attestation ${id} is not of kind ${kind(k)}: a correction must supersede an attestation of the same kind.`,
  AttestationRegistryNotSupersedable: ([id, st]) =>
    `Attestation ${id} is ${status(st)} and cannot be superseded (only Submitted, Verified, Final, Rejected or Disputed ones, not an unverified correction, and not a rejected one whose period was freed: attest that period again instead).`,
  AttestationRegistryCorrectionOutsidePeriod: ([s, e]) =>
    `The correction's period ${when(s)} – ${when(e)} lies outside its predecessor's period (only the latest attestation of a kind may be extended).`,
  AttestationRegistryAlreadyExists: ([id]) =>
    `An attestation with exactly these fields already exists (${id}).`,
  AttestationRegistryTooManyRuns: ([m]) =>
    `Model ${m} already has 65535 live PRETRAINING attestations, the maximum.`,
  AttestationRegistryWrongStatus: ([id, st]) =>
    `Attestation ${id} is ${status(st)}, which does not allow this action.`,
  AttestationRegistryNotVerifier: ([a]) => `Account ${a} is not an accredited verifier.`,
  AttestationRegistryVerifierIsOwner: ([m, v]) =>
    `Verifier ${v} owns model ${m} and may not verify its attestations.`,
  AttestationRegistryVerifierIsSubmitter: ([id, v]) =>
    `Verifier ${v} submitted attestation ${id} and may not verify it.`,
  AttestationRegistryChallengeWindowClosed: ([id, f]) =>
    `The challenge window of attestation ${id} closed at ${when(f)}: it can no longer be disputed.`,
  AttestationRegistryWrongBond: ([sent, required]) =>
    `A dispute needs a bond of exactly ${eth(required)}; ${eth(sent)} was sent.`,
  AttestationRegistryAlreadyClaimed: ([id]) => `The reward of attestation ${id} was already claimed.`,
  AttestationRegistryNothingToWithdraw: ([a]) => `Nothing is credited to ${a}: there is no bond to withdraw.`,
  AttestationRegistryTransferFailed: ([to, amount]) =>
    `Sending ${eth(amount)} to ${to} failed (the recipient refused the payment).`,
  AttestationRegistryExpired: ([d]) => `The signature expired at ${when(d)}: ask the signer for a new one.`,
  AttestationRegistryInvalidSignature: ([s]) =>
    `The signature is not valid for ${s} (wrong signer, chain, contract, nonce, deadline or fields).`,
  AttestationRegistryParameterOutOfRange: ([name, value]) =>
    `Parameter ${bytes32Name(name)} cannot be set to ${value}: the value is outside its allowed bounds.`,
  AttestationRegistryZeroAddress: () => "A zero address was given where an account is required.",
  AttestationRegistryNotEfficiencyBonus: ([c]) =>
    `Only the EfficiencyBonus contract may mint an efficiency bonus; ${c} called.`,
  AttestationRegistryNotFinal: ([id, st]) =>
    `Attestation ${id} is ${status(st)}, not Final: rewards are paid only once it is verified and its challenge window has passed.`,
  AttestationRegistryWrongModelRegistry: ([r]) =>
    `The model registry serves another attestation registry (${r}): the deployment is miswired.`,
  AttestationRegistryWrongMinter: ([m]) =>
    `The LEAF token's minter (${m}) is not this registry: the deployment is miswired.`,
  AttestationRegistryNotTrainingRun: ([id, m]) =>
    `Attestation ${id} is not a PRETRAINING attestation of model ${m}: only that model's training runs can be tallied.`,
  AttestationRegistryEstimateRun: ([id]) =>
    `Run ${id} is an ESTIMATE: estimated energy never counts towards an efficiency bonus, so it cannot be tallied.`,
  AttestationRegistryAlreadyTallied: ([id]) => `Run ${id} is already in its model's training tally.`,
  AttestationRegistryTrainingLocked: ([m]) =>
    `Model ${m}'s PRETRAINING runs counted in an approved efficiency bonus: they can no longer be corrected.`,
  AttestationRegistryEvidenceAlreadyUsed: ([h, id]) =>
    `Evidence document ${h} already backs attestation ${id}: one document backs one attestation (until that one is rejected or withdrawn), so the same energy cannot be attested twice.`,
  AttestationRegistryTreasuryCannotDispute: ([t]) =>
    `The treasury (${t}) cannot dispute: a dismissed bond would return to it, so its dispute would cost nothing.`,
  AttestationRegistryVerifierStillAccredited: ([id, v]) =>
    `Verifier ${v} of attestation ${id} is still accredited: only a revoked verifier's verdicts can be invalidated without a dispute (revoke the verifier first, or dispute the attestation).`,
  // ------------------------------------------------------------ OpenZeppelin (registry, token)
  AccessControlUnauthorizedAccount: ([a, r]) => `Account ${a} lacks the ${role(r)} role.`,
  AccessControlBadConfirmation: () => "An account can only renounce a role for itself.",
  InvalidAccountNonce: ([a, n]) =>
    `The nonce used is not the current one of ${a} (current nonce ${n}): the signature was already used or cancelled.`,
  InvalidShortString: () => "A short string is invalid (longer than 31 bytes).",
  StringTooLong: ([s]) => `The string "${String(s)}" is too long (at most 31 bytes).`,
  ReentrancyGuardReentrantCall: () => "A reentrant call was refused.",
  // ------------------------------------------------------------ ModelRegistry
  ModelRegistryParentNotFound: ([p]) => `Parent model ${p} does not exist.`,
  ModelRegistryModelNotFound: ([m]) => `Model ${m} does not exist.`,
  ModelRegistryNotOwner: ([m, c]) => `Account ${c} does not own model ${m}.`,
  ModelRegistryAlreadySealed: ([m]) => `Model ${m} is already sealed.`,
  ModelRegistryEmptyMetadataHash: () =>
    "The metadata hash is zero: a model needs the SHA-256 of its metadata JSON.",
  ModelRegistryNotAttestationRegistry: ([c]) => `Only the attestation registry may do this; ${c} called.`,
  ModelRegistryPaused: () =>
    "The model registry is paused: no state change is possible until the pauser unpauses it.",
  ERC721IncorrectOwner: ([s, t, o]) => `Account ${s} is not the owner of model ${t} (the owner is ${o}).`,
  ERC721InsufficientApproval: ([op, t]) => `Account ${op} is not approved to transfer model ${t}.`,
  ERC721InvalidApprover: ([a]) => `Account ${a} cannot approve transfers.`,
  ERC721InvalidOperator: ([o]) => `Account ${o} cannot be an operator.`,
  ERC721InvalidOwner: ([o]) => `Account ${o} cannot own a model.`,
  ERC721InvalidReceiver: ([r]) => `Account ${r} cannot receive a model (not an ERC-721 receiver).`,
  ERC721InvalidSender: ([s]) => `Account ${s} cannot send a model.`,
  ERC721NonexistentToken: ([t]) => `Model ${t} does not exist.`,
  // ------------------------------------------------------------ CertificateRegistry
  CertificateRegistryPaused: () =>
    "The certificate registry is paused: no state change is possible until the pauser unpauses it.",
  CertificateRegistryNotModelOwner: ([m, a]) => `Account ${a} does not own model ${m}.`,
  CertificateRegistryZeroAmount: ([a]) => `The certificate amount is ${a}: it must be greater than 0.`,
  CertificateRegistryUnknownIssuer: ([r]) =>
    `The issuing registry "${bytes32Name(r)}" is not accepted: use its canonical label (e.g. "I-REC", "Verra", "Gold Standard"); governance adds new registries.`,
  CertificateRegistryEmptySerial: () => "The certificate serial is empty.",
  CertificateRegistryNonCanonicalSerial: ([s, i]) =>
    `The certificate serial "${String(s)}" is not in canonical form at byte ${i}: printable ASCII, upper case, single spaces, none at either end (the SDK and CLI convert it for you).`,
  CertificateRegistrySerialHeld: ([h, id]) =>
    `Certificate serial ${h} is already held by certificate ${id} (Pending or Confirmed): a certificate counts once. If that record is not the real holder's, a verifier rejects it (or the arbiter revokes it), which frees the serial.`,
  CertificateRegistryWrongStatus: ([id, st]) =>
    `Certificate ${id} is ${CERTIFICATE_STATUS_WORDS[Number(st)] ?? `status ${String(st)}`}: the action needs another status (verdicts need Pending, revocation needs Confirmed).`,
  CertificateRegistryNotVerifier: ([a]) => `Account ${a} is not an accredited verifier.`,
  CertificateRegistryConflict: ([id, v]) =>
    `Verifier ${v} owns the model of certificate ${id} or recorded it, and may not judge it.`,
  CertificateRegistryUnauthorized: ([a, r]) => `Account ${a} lacks the ${role(r)} role this action needs.`,
  CertificateRegistryEmptyIssuer: () => "The issuing registry label is empty.",
  // ------------------------------------------------------------ EfficiencyBonus
  EfficiencyBonusPaused: () => "The registries are paused: the efficiency bonus cannot change now.",
  EfficiencyBonusNotModelOwner: ([m, a]) => `Account ${a} does not own model ${m}.`,
  EfficiencyBonusNotVerifier: ([a]) => `Account ${a} is not an accredited verifier.`,
  EfficiencyBonusVerifierIsOwner: ([m, v]) =>
    `Verifier ${v} owns model ${m} and may not approve its efficiency bonus.`,
  EfficiencyBonusAlreadyPaid: ([m]) => `The efficiency bonus of model ${m} was already paid.`,
  EfficiencyBonusNotRequested: ([m]) => `No efficiency bonus request is pending for model ${m}.`,
  EfficiencyBonusNoParent: ([m]) => `Model ${m} has no parent model to be compared with.`,
  EfficiencyBonusNotSealed: ([m]) => `Model ${m} has not sealed its training.`,
  EfficiencyBonusOwnerMismatch: ([p, o]) => `Parent model ${p} is held by ${o}, not by the model's owner.`,
  EfficiencyBonusParameterCountTooLow: ([c, pc]) =>
    `The model has ${c} parameters, fewer than its parent's ${pc}.`,
  EfficiencyBonusTallyIncomplete: ([m, tallied, live]) =>
    `The training tally of model ${m} is incomplete: ${tallied} of its ${live} live PRETRAINING runs are tallied. Tally its Final METER/SOFTWARE runs first; a run not Final yet must wait, and an ESTIMATE run never counts.`,
  EfficiencyBonusNoTrainingEnergy: ([m]) => `Model ${m} has no Final PRETRAINING energy.`,
  EfficiencyBonusNotMoreEfficient: ([e, ep]) =>
    `The model's training energy ${e} Wh is not below its parent's ${ep} Wh.`,
  EfficiencyBonusDisabled: () =>
    "The efficiency bonus is switched off (efficiencyBps is 0): the request stays pending until it is switched on.",
  EfficiencyBonusRetryTooSoon: ([m, at]) =>
    `A verifier rejected model ${m}'s bonus request: it can be requested again from ${when(at)} (or the arbiter may approve it).`,
  EfficiencyBonusRetryDelayOutOfRange: ([d]) => `A retry delay of ${d} s is outside 0–30 days.`,
  EfficiencyBonusBudgetSpent: ([p, used]) =>
    `Parent model ${p}'s savings budget is used up (${used} Wh already paid to its other fine-tunes).`,
  // ------------------------------------------------------------ LeafToken (OpenZeppelin ERC-20, ERC-2612)
  LeafTokenNotMinter: ([c]) => `Only the attestation registry mints LEAF; ${c} tried.`,
  LeafTokenZeroMinter: () => "The LEAF minter cannot be the zero address.",
  ERC20InsufficientAllowance: ([s, a, n]) => `Spender ${s} may spend ${leaf(a)} but ${leaf(n)} is needed.`,
  ERC20InsufficientBalance: ([s, b, n]) => `Account ${s} holds ${leaf(b)} but ${leaf(n)} is needed.`,
  ERC20InvalidApprover: ([a]) => `Account ${a} cannot approve spending.`,
  ERC20InvalidReceiver: ([r]) => `Account ${r} cannot receive LEAF.`,
  ERC20InvalidSender: ([s]) => `Account ${s} cannot send LEAF.`,
  ERC20InvalidSpender: ([s]) => `Account ${s} cannot be a spender.`,
  ERC2612ExpiredSignature: ([d]) => `The permit expired at ${when(d)}.`,
  ERC2612InvalidSigner: ([s, o]) => `The permit was signed by ${s}, not by the owner ${o}.`,
  ECDSAInvalidSignature: () => "The signature is invalid.",
  ECDSAInvalidSignatureLength: ([l]) => `The signature is ${l} bytes long; 65 are expected.`,
  ECDSAInvalidSignatureS: ([s]) => `The signature's s value ${s} is not canonical.`,
};
