// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Status} from "./Common.sol";
import {IAttestationGovernance} from "./IAttestationGovernance.sol";
import {IAttestationLifecycle} from "./IAttestationLifecycle.sol";
import {IAttestationRewards} from "./IAttestationRewards.sol";

/// @title Greenprint attestation registry (SPEC sections 2, 4, 5, 6)
/// @notice Energy attestations of registered models, their verification, disputes and LEAF rewards.
///
/// Attestation ids are EIP-712 struct hashes of the submitted fields:
/// `id = keccak256(abi.encode(ATTESTATION_TYPEHASH, modelId, kind, method, energyWh, pueMilli,
///  locationIntensity, renewableBps, acceleratorHours, workUnits, embodiedG, periodStart, periodEnd, region,
///  evidenceHash, keccak256(bytes(evidenceURI)), rowsRoot, supersedes))`.
/// Only a packed status word is stored per attestation; functions that need the measured values
/// (claimReward, tallyTraining) take the fields as calldata and recompute the id.
///
/// EIP-712 domain: name "Greenprint", version "1", chainId, verifyingContract = this registry.
/// Type strings (see the public constants):
///  - ATTESTATION_TYPE: `Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,uint16 pueMilli,
///    uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 workUnits,uint64 embodiedG,
///    uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,bytes32 rowsRoot,
///    bytes32 supersedes)` (v1.1 added workUnits)
///  - SUBMIT_ATTESTATION_TYPE: `SubmitAttestation(Attestation attestation,uint256 nonce,uint256 deadline)` +
///    ATTESTATION_TYPE
///    (signed by the model owner; anyone relays with submitWithSig)
///  - VERIFIED_ATTESTATION_TYPE: `VerifiedAttestation(Attestation attestation,uint256 nonce,uint256 deadline)` +
///    ATTESTATION_TYPE (signed by a verifier; the model owner lands it with submitVerified)
///  - VERDICT_TYPE: `Verdict(bytes32 attestationId,bool approve,bytes32 reasonHash,uint256 nonce,uint256 deadline)`
///    (signed by a verifier; anyone relays with verdictWithSig)
/// Nonces are keyed (v1.1, OpenZeppelin NoncesKeyed): `nonce = key << 64 | sequence`, one sequence per
/// 192-bit key chosen by the signer (`nonces(signer, key)`); key 0 is the v1 sequence (`nonces(signer)`),
/// shared by all three signed types. `cancelNonce` / `cancelKeyedNonce(key)` burn the caller's current nonce
/// (of key 0 / of `key`). A signature withheld by one counterparty blocks only its key. ERC-1271 wallets sign
/// through SignatureChecker.
///
/// The functions are declared by concern in IAttestationLifecycle (submission, verdicts, disputes, nonces),
/// IAttestationRewards (claims, the efficiency bonus's hooks and training tally) and IAttestationGovernance;
/// this interface holds every event and error (so `IAttestationRegistry.X` names each of them), the structs and
/// the views that return them or decode stored state.
interface IAttestationRegistry is IAttestationLifecycle, IAttestationRewards, IAttestationGovernance {
    /// @notice Decoded stored state of an attestation.
    struct AttestationState {
        Status status; // effective status (Final derived)
        Kind kind;
        bool claimed;
        bool isCorrection;
        uint256 modelId;
        uint64 periodStart;
        uint64 periodEnd;
        uint64 finalAt; // end of the challenge window (0 before verification and after the claim)
        uint64 remainingWindow; // seconds left in the window while Disputed
        address verifier; // who gave the verdict (0 before it, and after the claim: see RewardClaimed)
        uint256 paid; // after the claim: LEAF wei paid to owners along the supersede chain ending here
    }

    /// @notice Governance parameters (SPEC sections 5 and 6).
    struct Params {
        uint32 challengeWindow;
        uint16 baselineIntensity;
        uint16[3] methodBps;
        uint16 verifierBps;
        uint16 efficiencyBps;
        uint96 maxRewardPerAttestation;
        uint96 disputeBond;
        address treasury;
    }

    // ---------------------------------------------------------------- events

    /// @notice An attestation was submitted (status Submitted, or Verified for submitVerified).
    /// @param id attestation id (EIP-712 struct hash of `attestation`)
    /// @param modelId the model
    /// @param submitter the model owner who submitted or signed it
    /// @param attestation every submitted field
    /// @param locationEmissionsG energyWh * locationIntensity / 1000
    /// @param marketEmissionsG energyWh * locationIntensity * (10000 - renewableBps) / 10_000_000
    /// @param totalG locationEmissionsG + embodiedG
    event AttestationSubmitted(
        bytes32 indexed id,
        uint256 indexed modelId,
        address indexed submitter,
        Attestation attestation,
        uint256 locationEmissionsG,
        uint256 marketEmissionsG,
        uint256 totalG
    );
    /// @notice A verifier verified an attestation (status Verified).
    /// @param id attestation id
    /// @param verifier the verifier
    /// @param finalAt when the challenge window ends
    event AttestationVerified(bytes32 indexed id, address indexed verifier, uint64 finalAt);
    /// @notice A verifier rejected an attestation (status Rejected).
    /// @param id attestation id
    /// @param verifier the verifier
    /// @param reasonHash hash of the reason document
    event AttestationRejected(bytes32 indexed id, address indexed verifier, bytes32 reasonHash);
    /// @notice The model owner withdrew a Submitted attestation (status Withdrawn).
    /// @param id attestation id
    /// @param owner the model owner
    event AttestationWithdrawn(bytes32 indexed id, address indexed owner);
    /// @notice A verified correction superseded an attestation (status Superseded).
    /// @param id the superseded attestation
    /// @param supersededBy the correction
    event AttestationSuperseded(bytes32 indexed id, bytes32 indexed supersededBy);
    /// @notice Someone disputed a Verified attestation with a bond (status Disputed).
    /// @param id attestation id
    /// @param challenger who posted the bond
    /// @param bond native currency posted
    /// @param remainingWindow seconds of challenge window left when the dispute opened
    /// @param reasonURI where the challenger's reason lives
    event AttestationDisputed(
        bytes32 indexed id, address indexed challenger, uint256 bond, uint64 remainingWindow, string reasonURI
    );
    /// @notice The arbiter upheld a dispute (status Invalidated); the bond is refundable to the challenger.
    /// @param id attestation id
    /// @param arbiter the arbiter
    /// @param challenger the challenger credited with the bond
    /// @param verifier the verifier whose verdict was invalidated
    /// @param bond amount credited
    /// @param rulingHash hash of the ruling document
    event DisputeUpheld(
        bytes32 indexed id,
        address indexed arbiter,
        address indexed challenger,
        address verifier,
        uint256 bond,
        bytes32 rulingHash
    );
    /// @notice The arbiter dismissed a dispute (status Verified again, window resumes); bond to the treasury.
    /// @param id attestation id
    /// @param arbiter the arbiter
    /// @param challenger the challenger who loses the bond
    /// @param bond amount credited to the treasury
    /// @param finalAt new end of the challenge window
    /// @param rulingHash hash of the ruling document
    event DisputeDismissed(
        bytes32 indexed id,
        address indexed arbiter,
        address indexed challenger,
        uint256 bond,
        uint64 finalAt,
        bytes32 rulingHash
    );
    /// @notice A Final attestation's reward was paid. For a correction, `reward` is its own SPEC 6 reward minus
    /// everything already paid to the owner along the chain of attestations it supersedes (never below 0).
    /// @param id attestation id
    /// @param modelId the model
    /// @param owner model owner paid `reward`
    /// @param reward LEAF wei minted to the owner (after cap and supersede deduction)
    /// @param verifier verifier paid `verifierReward`
    /// @param verifierReward LEAF wei minted to the verifier
    event RewardClaimed(
        bytes32 indexed id,
        uint256 indexed modelId,
        address indexed owner,
        uint256 reward,
        address verifier,
        uint256 verifierReward
    );
    /// @notice A bond was withdrawn by the account it was credited to.
    /// @param account recipient
    /// @param amount native currency sent
    event RefundWithdrawn(address indexed account, uint256 amount);
    /// @notice A signer burnt its current nonce.
    /// @param signer the signer
    /// @param nonce the cancelled nonce
    event NonceCancelled(address indexed signer, uint256 nonce);
    /// @notice An account was accredited as verifier, or its profile changed.
    /// @param verifier the verifier
    /// @param index its compact index (stored in attestation state)
    /// @param name display name
    /// @param uri profile URI
    event VerifierProfileSet(address indexed verifier, uint32 indexed index, string name, string uri);
    /// @notice The registry (and the model and certificate registries) was paused or unpaused.
    /// @param account the pauser
    /// @param paused the new state
    event PauseSet(address indexed account, bool paused);
    /// @notice A governance parameter changed.
    /// @param name the parameter: "challengeWindow", "disputeBond", "baselineIntensity", "methodBps.METER",
    /// "methodBps.SOFTWARE", "methodBps.ESTIMATE", "verifierBps", "efficiencyBps", "maxRewardPerAttestation"
    /// @param oldValue previous value
    /// @param newValue new value
    event ParameterSet(bytes32 indexed name, uint256 oldValue, uint256 newValue);
    /// @notice The treasury receiving dismissed bonds changed.
    /// @param oldTreasury previous treasury
    /// @param newTreasury new treasury
    event TreasurySet(address indexed oldTreasury, address indexed newTreasury);

    // ---------------------------------------------------------------- errors

    /// @notice The registry is paused.
    error AttestationRegistryPaused();
    /// @notice energyWh must be > 0.
    error AttestationRegistryZeroEnergy(uint64 energyWh);
    /// @notice pueMilli must be in 1000..5000.
    error AttestationRegistryPueOutOfRange(uint16 pueMilli);
    /// @notice renewableBps must be <= 10000.
    error AttestationRegistryRenewableOutOfRange(uint16 renewableBps);
    /// @notice locationIntensity must be <= 2000.
    error AttestationRegistryIntensityOutOfRange(uint32 locationIntensity);
    /// @notice periodStart must be < periodEnd.
    error AttestationRegistryInvalidPeriod(uint64 periodStart, uint64 periodEnd);
    /// @notice periodEnd must be <= now.
    error AttestationRegistryPeriodInFuture(uint64 periodEnd, uint256 timestamp);
    /// @notice evidenceHash must be non-zero.
    error AttestationRegistryEmptyEvidence(bytes32 evidenceHash);
    /// @notice The model does not exist.
    error AttestationRegistryModelNotFound(uint256 modelId);
    /// @notice The account is not the model's owner.
    error AttestationRegistryNotModelOwner(uint256 modelId, address account);
    /// @notice PRETRAINING refused: the model's training is sealed.
    error AttestationRegistryTrainingSealed(uint256 modelId);
    /// @notice The period starts before the end of the latest attestation of that model and kind.
    error AttestationRegistryPeriodOverlap(uint64 periodStart, uint64 latestEnd);
    /// @notice `supersedes` names no attestation.
    error AttestationRegistrySupersedesUnknown(bytes32 supersedes);
    /// @notice `supersedes` is an attestation of another model.
    error AttestationRegistrySupersedesOtherModel(bytes32 supersedes, uint256 modelId);
    /// @notice `supersedes` is an attestation of another kind.
    error AttestationRegistrySupersedesOtherKind(bytes32 supersedes, Kind kind);
    /// @notice `supersedes` cannot be superseded in its status (or is an unverified correction).
    error AttestationRegistryNotSupersedable(bytes32 supersedes, Status status);
    /// @notice A correction must lie within its predecessor's period (it may extend the latest one).
    error AttestationRegistryCorrectionOutsidePeriod(uint64 periodStart, uint64 periodEnd);
    /// @notice An attestation with the same fields exists.
    error AttestationRegistryAlreadyExists(bytes32 id);
    /// @notice Too many live PRETRAINING attestations for one model (65535).
    error AttestationRegistryTooManyRuns(uint256 modelId);
    /// @notice The attestation is not in a status allowing this action.
    error AttestationRegistryWrongStatus(bytes32 id, Status status);
    /// @notice The account is not an accredited verifier.
    error AttestationRegistryNotVerifier(address account);
    /// @notice A verifier may not verify a model it owns.
    error AttestationRegistryVerifierIsOwner(uint256 modelId, address verifier);
    /// @notice A verifier may not verify what it submitted.
    error AttestationRegistryVerifierIsSubmitter(bytes32 id, address verifier);
    /// @notice The challenge window is over.
    error AttestationRegistryChallengeWindowClosed(bytes32 id, uint64 finalAt);
    /// @notice msg.value must equal the dispute bond.
    error AttestationRegistryWrongBond(uint256 sent, uint256 required);
    /// @notice The reward is already claimed.
    error AttestationRegistryAlreadyClaimed(bytes32 id);
    /// @notice Nothing credited to the account.
    error AttestationRegistryNothingToWithdraw(address account);
    /// @notice Sending native currency failed.
    error AttestationRegistryTransferFailed(address to, uint256 amount);
    /// @notice The signature deadline has passed.
    error AttestationRegistryExpired(uint256 deadline);
    /// @notice The signature is not valid for the signer.
    error AttestationRegistryInvalidSignature(address signer);
    /// @notice A governance parameter is out of its bounds.
    error AttestationRegistryParameterOutOfRange(bytes32 name, uint256 value);
    /// @notice A zero address was given.
    error AttestationRegistryZeroAddress();
    /// @notice The caller is not the EfficiencyBonus contract.
    error AttestationRegistryNotEfficiencyBonus(address caller);
    /// @notice The attestation is not Final.
    error AttestationRegistryNotFinal(bytes32 id, Status status);
    /// @notice The model registry serves another attestation registry.
    error AttestationRegistryWrongModelRegistry(address attestationRegistry);
    /// @notice The LEAF token's minter is not this registry.
    error AttestationRegistryWrongMinter(address minter);
    /// @notice PRETRAINING corrections refused: an approved efficiency bonus was computed from this model's runs.
    error AttestationRegistryTrainingLocked(uint256 modelId);
    /// @notice The treasury may not dispute: a dismissed bond would return to it, so its dispute would be free.
    error AttestationRegistryTreasuryCannotDispute(address treasury);
    /// @notice The evidence document already backs an attestation that is not Rejected or Withdrawn (SPEC 4, v1.1):
    /// the same measured energy cannot be attested, and paid, again under another kind, model or period.
    error AttestationRegistryEvidenceAlreadyUsed(bytes32 evidenceHash, bytes32 attestationId);

    // ---------------------------------------------------------------- views

    /// @notice Decoded state of an attestation (status is the effective one, Final derived).
    /// @param id attestation id
    /// @return state the state
    function getAttestation(bytes32 id) external view returns (AttestationState memory state);

    /// @notice Effective status: the stored one, or Final for Verified past its window.
    /// @param id attestation id
    /// @return status the status
    function effectiveStatus(bytes32 id) external view returns (Status status);

    /// @notice The id (EIP-712 struct hash) of the given fields.
    /// @param attestation the fields
    /// @return id the id
    function attestationId(Attestation calldata attestation) external pure returns (bytes32 id);

    /// @notice Current governance parameters.
    /// @return params the parameters
    function getParams() external view returns (Params memory params);

    /// @notice Native currency credited to an account.
    /// @param account the account
    /// @return amount wei
    function refundOf(address account) external view returns (uint256 amount);

    /// @notice The open dispute of an attestation.
    /// @param id attestation id
    /// @return challenger who posted the bond (0 if none)
    /// @return bond wei posted
    function disputeOf(bytes32 id) external view returns (address challenger, uint256 bond);

    /// @notice The attestation a correction supersedes (0 if not a correction).
    /// @param id attestation id
    /// @return predecessor superseded id
    function supersedesOf(bytes32 id) external view returns (bytes32 predecessor);

    /// @notice Per-model attestation cursor.
    /// @param modelId the model
    /// @return latestEnd end of the latest attestation per kind (PRETRAINING, FINETUNING, INFERENCE)
    /// @return livePretraining number of PRETRAINING attestations Submitted, Verified or Disputed
    function modelCursor(uint256 modelId) external view returns (uint64[3] memory latestEnd, uint16 livePretraining);

    // ---------------------------------------------------------------- invalidateUnreviewed (SPEC 5, v1.1)

    /// @notice The arbiter invalidated, without a dispute, a Verified attestation of a revoked verifier before it
    /// became Final (status Invalidated; the verifier's invalidatedVerdicts grows by one).
    /// @param id attestation id
    /// @param arbiter the arbiter
    /// @param verifier the revoked verifier whose verdict was invalidated
    /// @param rulingHash hash of the ruling document
    event AttestationInvalidatedUnreviewed(
        bytes32 indexed id, address indexed arbiter, address indexed verifier, bytes32 rulingHash
    );

    /// @notice invalidateUnreviewed refused: the verifier of the attestation is still accredited (an accredited
    /// verifier's verdicts are challenged by dispute, with a bond).
    error AttestationRegistryVerifierStillAccredited(bytes32 id, address verifier);

    // ---------------------------------------------------------------- efficiency-bonus training tally
    // (SPEC 6, v1.1 "Approving costs bounded gas"; see AttestationTally and contracts/README.md)

    /// @notice A Final METER or SOFTWARE PRETRAINING run was added to its model's tally.
    /// @param modelId the model
    /// @param id the run's attestation id
    /// @param energyWh the run's energy, added to the model's tallied energy
    event TrainingRunTallied(uint256 indexed modelId, bytes32 indexed id, uint256 energyWh);
    /// @notice A verified correction superseded a tallied run: its energy and count left the model's tally.
    /// @param modelId the model
    /// @param id the superseded run's attestation id
    /// @param energyWh the run's energy, subtracted from the model's tallied energy
    event TrainingRunUntallied(uint256 indexed modelId, bytes32 indexed id, uint256 energyWh);

    /// @notice The run is not a stored PRETRAINING attestation of the model.
    error AttestationRegistryNotTrainingRun(bytes32 id, uint256 modelId);
    /// @notice The run is an ESTIMATE: estimates never count towards an efficiency bonus (a model with a live
    /// ESTIMATE run can therefore never complete its tally).
    error AttestationRegistryEstimateRun(bytes32 id);
    /// @notice The run is already in its model's tally.
    error AttestationRegistryAlreadyTallied(bytes32 id);
}
