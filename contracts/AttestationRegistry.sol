// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationDisputes} from "./AttestationDisputes.sol";
import {AttestationGovernance} from "./AttestationGovernance.sol";
import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {AttestationSignatures} from "./AttestationSignatures.sol";
import {AttestationTally} from "./AttestationTally.sol";
import {AttestationTallyBase} from "./AttestationTallyBase.sol";
import {Attestation, Kind, Method, Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {ILeafToken} from "./ILeafToken.sol";
import {IModelRegistry} from "./IModelRegistry.sol";

/// @title Greenprint attestation registry (SPEC sections 2, 4, 5, 6)
/// @notice Attestations, verification (direct or by EIP-712 signature), disputes, supersession and LEAF
/// rewards. See IAttestationRegistry for the id scheme and type strings, contracts/README.md for the
/// storage layout and the trust model.
/// @dev Split by concern (issue 12): the state and its decoding in AttestationRegistryStorage, signatures in
/// AttestationSignatures, governance in AttestationGovernance, the training tally's views in AttestationTallyBase
/// (abstract bases), disputes in AttestationDisputes and tallyTraining in AttestationTally
/// (both deployed by this constructor, run by delegatecall on this storage). One ABI, one address.
/// Per attestation one word `_states[id]`:
///  bits 0..2 stored status | 3..4 kind | 5 claimed | 6 isCorrection | 7 has a verdict | 8..55 modelId |
///  56..95 periodStart | 96..135 periodEnd |
///  136..175 finalAt on the pause-free clock (while Disputed: remaining window) | 176..255 actor: low 80 bits
///  of the submitter until a verdict, then the verifier's index (176..207) and the reward-parameter epoch
///  (208..223); on a Rejected attestation bit 255 marks a freed period (`_FREED`). After the claim bits 136..255
///  hold the paid amount.
/// The pause-free clock (`_clock`) is block.timestamp minus every second the protocol spent paused: challenge
/// windows do not run during a pause (SPEC 5, v1.1).
/// Per model a 136-bit cursor lives in the model registry's model word: bits 40k..40k+39 the end of
/// the latest period of kind k, bits 120..135 the number of live (Submitted, Verified, Disputed)
/// PRETRAINING attestations. A Rejected, Withdrawn or Invalidated attestation that is the latest of its kind
/// moves its frontier back (`_freePeriod`, SPEC 4 v1.1).
contract AttestationRegistry is AttestationSignatures, AttestationGovernance, AttestationTallyBase {
    uint256 private constant _WEI_PER_GRAM = 1e15; // 1 LEAF (1e18) per 1000 g

    /// @notice The LEAF token (this registry is its only minter).
    ILeafToken public immutable leaf;
    /// @notice The EfficiencyBonus contract, the only caller of mintEfficiencyBonus.
    address public immutable override efficiencyBonus;
    /// @dev The code of dispute, upholdDispute, dismissDispute, withdrawRefund and invalidateUnreviewed (run by
    /// delegatecall).
    AttestationDisputes private immutable _disputeCode;
    /// @dev The code of tallyTraining (run by delegatecall).
    AttestationTally private immutable _tallyCode;

    /// @param models the ModelRegistry (its attestationRegistry must be this contract)
    /// @param leafToken the LeafToken (its minter must be this contract)
    /// @param bonus the EfficiencyBonus contract (may be a predicted address)
    /// @param admin receives DEFAULT_ADMIN_ROLE
    /// @param params initial parameters (each checked against its bounds)
    constructor(IModelRegistry models, ILeafToken leafToken, address bonus, address admin, Params memory params)
        AttestationRegistryStorage(models)
    {
        if (admin == address(0) || bonus == address(0)) revert AttestationRegistryZeroAddress();
        if (leafToken.minter() != address(this)) revert AttestationRegistryWrongMinter(leafToken.minter());
        if (models.attestationRegistry() != address(this)) {
            revert AttestationRegistryWrongModelRegistry(models.attestationRegistry());
        }
        leaf = leafToken;
        efficiencyBonus = bonus;
        // created by this contract (its nonce 1), so the deployer's nonces and predicted addresses are unchanged
        _disputeCode = new AttestationDisputes(models);
        _tallyCode = new AttestationTally(models); // nonce 2
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ARBITER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _initParams(params);
    }

    // ================================================================ submission

    /// @inheritdoc IAttestationRegistry
    function submit(Attestation calldata attestation) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _submit(attestation, id, msg.sender, 0, address(0));
    }

    /// @inheritdoc IAttestationRegistry
    function submitWithSig(
        Attestation calldata attestation,
        address owner,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _useSignature(
            owner, keccak256(abi.encode(SUBMIT_ATTESTATION_TYPEHASH, id, nonce, deadline)), nonce, deadline, signature
        );
        _submit(attestation, id, owner, 0, address(0));
    }

    /// @inheritdoc IAttestationRegistry
    function submitVerified(
        Attestation calldata attestation,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _useSignature(
            verifier,
            keccak256(abi.encode(VERIFIED_ATTESTATION_TYPEHASH, id, nonce, deadline)),
            nonce,
            deadline,
            signature
        );
        VerifierInfo memory v = _verifiers[verifier];
        if (!v.active) revert AttestationRegistryNotVerifier(verifier);
        if (verifier == msg.sender) revert AttestationRegistryVerifierIsOwner(attestation.modelId, verifier);
        _submit(attestation, id, msg.sender, v.index, verifier);
    }

    function _submit(Attestation calldata a, bytes32 id, address submitter, uint32 verifierIndex, address verifier)
        private
    {
        _validate(a);
        (address owner, bool trainingSealed, uint256 cursor) = modelRegistry.attestationContext(a.modelId);
        if (owner == address(0)) revert AttestationRegistryModelNotFound(a.modelId);
        if (owner != submitter) revert AttestationRegistryNotModelOwner(a.modelId, submitter);
        uint256 kind = uint256(a.kind);
        uint256 state = (kind << _KIND_SHIFT) | (a.modelId << _MODEL_SHIFT) | (uint256(a.periodStart) << _START_SHIFT)
            | (uint256(a.periodEnd) << _END_SHIFT);
        bytes32 predecessor = a.supersedes;
        if (predecessor == bytes32(0)) {
            if (kind == 0 && trainingSealed) revert AttestationRegistryTrainingSealed(a.modelId);
            uint256 latest = (cursor >> (40 * kind)) & _M40;
            if (a.periodStart < latest) revert AttestationRegistryPeriodOverlap(a.periodStart, uint64(latest));
            cursor = _setLatest(cursor, kind, a.periodEnd);
        } else {
            cursor = _checkCorrection(a, predecessor, cursor, kind);
            // on a sealed model a PRETRAINING correction may only restate, not extend, its predecessor
            if (kind == 0 && trainingSealed && a.periodEnd > (_states[predecessor] >> _END_SHIFT) & _M40) {
                revert AttestationRegistryTrainingSealed(a.modelId);
            }
            // the runs an approved efficiency bonus was computed from are never restated (SPEC 6, v1.1)
            if (kind == 0 && _tallies[a.modelId] & _TRAINING_LOCKED != 0) {
                revert AttestationRegistryTrainingLocked(a.modelId);
            }
            state |= _CORRECTION;
            _supersedes[id] = predecessor;
        }
        if (kind == 0) {
            if (cursor >> _LIVE_SHIFT == _LIVE_MAX) revert AttestationRegistryTooManyRuns(a.modelId);
            cursor += _LIVE_ONE;
        }
        if (_states[id] != 0) revert AttestationRegistryAlreadyExists(id);
        _useEvidence(a.evidenceHash, id);
        uint64 finalAt;
        if (verifierIndex == 0) {
            state |= uint256(Status.Submitted) | (uint256(uint80(uint160(submitter))) << _ACTOR_SHIFT);
        } else {
            if (predecessor != bytes32(0)) cursor = _supersede(id, predecessor, cursor);
            uint256 bits;
            (bits, finalAt) = _verdictBits(verifierIndex, _configWord());
            state |= bits;
        }
        _states[id] = state;
        modelRegistry.setAttestationCursor(a.modelId, cursor);
        _emitSubmitted(id, a, submitter);
        if (verifierIndex != 0) emit AttestationVerified(id, verifier, finalAt);
    }

    /// @dev One evidence document backs one attestation (SPEC 4, v1.1): refused while the attestation it backs
    /// is anything but Rejected or Withdrawn (those free it; Superseded and Invalidated keep it). Read lazily
    /// from that attestation's status, so rejecting or withdrawing costs nothing more.
    function _useEvidence(bytes32 evidenceHash, bytes32 id) private {
        bytes32 used = _evidenceUse[evidenceHash];
        if (used != bytes32(0)) {
            uint256 status = _states[used] & _STATUS_MASK;
            if (status != uint256(Status.Rejected) && status != uint256(Status.Withdrawn)) {
                revert AttestationRegistryEvidenceAlreadyUsed(evidenceHash, used);
            }
        }
        _evidenceUse[evidenceHash] = id;
    }

    function _emitSubmitted(bytes32 id, Attestation calldata a, address submitter) private {
        uint256 e = a.energyWh;
        uint256 locationG = e * a.locationIntensity / 1000;
        uint256 marketG = e * a.locationIntensity * (_BPS - a.renewableBps) / 10_000_000;
        emit AttestationSubmitted(id, a.modelId, submitter, a, locationG, marketG, locationG + a.embodiedG);
    }

    function _validate(Attestation calldata a) private view {
        if (a.energyWh == 0) revert AttestationRegistryZeroEnergy(a.energyWh);
        if (a.pueMilli < 1000 || a.pueMilli > 5000) revert AttestationRegistryPueOutOfRange(a.pueMilli);
        if (a.renewableBps > _BPS) revert AttestationRegistryRenewableOutOfRange(a.renewableBps);
        if (a.locationIntensity > 2000) revert AttestationRegistryIntensityOutOfRange(a.locationIntensity);
        if (a.periodStart >= a.periodEnd) revert AttestationRegistryInvalidPeriod(a.periodStart, a.periodEnd);
        if (a.periodEnd > block.timestamp) revert AttestationRegistryPeriodInFuture(a.periodEnd, block.timestamp);
        if (a.evidenceHash == bytes32(0)) revert AttestationRegistryEmptyEvidence(a.evidenceHash);
    }

    function _checkCorrection(Attestation calldata a, bytes32 predecessor, uint256 cursor, uint256 kind)
        private
        view
        returns (uint256)
    {
        uint256 p = _states[predecessor];
        if (p == 0) revert AttestationRegistrySupersedesUnknown(predecessor);
        uint256 pModel = (p >> _MODEL_SHIFT) & _M48;
        if (pModel != a.modelId) revert AttestationRegistrySupersedesOtherModel(predecessor, pModel);
        if ((p >> _KIND_SHIFT) & 3 != kind) revert AttestationRegistrySupersedesOtherKind(predecessor, a.kind);
        _requireSupersedable(predecessor, p, true);
        uint256 pEnd = (p >> _END_SHIFT) & _M40;
        if (a.periodStart < (p >> _START_SHIFT) & _M40) {
            revert AttestationRegistryCorrectionOutsidePeriod(a.periodStart, a.periodEnd);
        }
        if (a.periodEnd > pEnd) {
            // only the latest attestation of its kind may be extended by its correction
            if ((cursor >> (40 * kind)) & _M40 != pEnd) {
                revert AttestationRegistryCorrectionOutsidePeriod(a.periodStart, a.periodEnd);
            }
            cursor = _setLatest(cursor, kind, a.periodEnd);
        }
        return cursor;
    }

    /// @dev Submitted, Verified (Final included), Rejected and (at submission only) Disputed attestations can
    /// be superseded, except an unverified correction (its own predecessor is still live).
    function _requireSupersedable(bytes32 id, uint256 p, bool atSubmission) private view {
        uint256 status = p & _STATUS_MASK;
        // a Rejected one whose period was freed (and may be attested again) is not: that would claim it twice
        bool ok = status == uint256(Status.Submitted) || status == uint256(Status.Verified)
            || (status == uint256(Status.Rejected) && p & _FREED == 0)
            || (atSubmission && status == uint256(Status.Disputed));
        if (p & _CORRECTION != 0 && (status == uint256(Status.Submitted) || status == uint256(Status.Rejected))) {
            ok = false;
        }
        if (!ok) revert AttestationRegistryNotSupersedable(id, _effective(p));
    }

    function _supersede(bytes32 id, bytes32 predecessor, uint256 cursor) private returns (uint256) {
        uint256 p = _states[predecessor];
        _requireSupersedable(predecessor, p, false);
        uint256 status = p & _STATUS_MASK;
        if ((p >> _KIND_SHIFT) & 3 == 0 && status != uint256(Status.Rejected)) {
            cursor -= _LIVE_ONE;
            // a tallied run (Final, so stored Verified) leaves the bonus tally with it (SPEC 6, v1.1)
            if (status == uint256(Status.Verified)) _untally(predecessor, p);
        }
        _states[predecessor] = (p & ~_STATUS_MASK) | uint256(Status.Superseded);
        // what the chain ending at the predecessor already paid (its own claim is cumulative)
        uint256 carried = p & _CLAIMED != 0 ? p >> _FINAL_SHIFT : _carriedPaid[predecessor];
        if (carried != 0) _carriedPaid[id] = carried;
        emit AttestationSuperseded(predecessor, id);
        return cursor;
    }

    function _setLatest(uint256 cursor, uint256 kind, uint64 end) private pure returns (uint256) {
        uint256 shift = 40 * kind;
        return (cursor & ~(_M40 << shift)) | (uint256(end) << shift);
    }

    // ================================================================ verdicts

    /// @inheritdoc IAttestationRegistry
    function verify(bytes32 id) external override {
        _verdict(id, msg.sender, true, bytes32(0));
    }

    /// @inheritdoc IAttestationRegistry
    function reject(bytes32 id, bytes32 reasonHash) external override {
        _verdict(id, msg.sender, false, reasonHash);
    }

    /// @inheritdoc IAttestationRegistry
    function verdictWithSig(
        bytes32 id,
        bool approve,
        bytes32 reasonHash,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        if (_config.paused) revert AttestationRegistryPaused();
        _useSignature(
            verifier,
            keccak256(abi.encode(VERDICT_TYPEHASH, id, approve, reasonHash, nonce, deadline)),
            nonce,
            deadline,
            signature
        );
        _verdict(id, verifier, approve, reasonHash);
    }

    /// @dev Checks the pause itself: the config word it reads also gives the window, the pause time and the epoch.
    function _verdict(bytes32 id, address verifier, bool approve, bytes32 reasonHash) private {
        uint256 c = _configWord();
        if (c & _PAUSED != 0) revert AttestationRegistryPaused();
        uint256 s = _states[id];
        if (s & _STATUS_MASK != uint256(Status.Submitted)) revert AttestationRegistryWrongStatus(id, _effective(s));
        VerifierInfo memory v = _verifiers[verifier];
        if (!v.active) revert AttestationRegistryNotVerifier(verifier);
        if (uint80(s >> _ACTOR_SHIFT) == uint80(uint160(verifier))) {
            revert AttestationRegistryVerifierIsSubmitter(id, verifier);
        }
        uint256 modelId = (s >> _MODEL_SHIFT) & _M48;
        bool correction = s & _CORRECTION != 0;
        address owner;
        uint256 cursor;
        if (correction || !approve) (owner,, cursor) = modelRegistry.attestationContext(modelId);
        else owner = _ownerOf(modelId);
        if (owner == verifier) revert AttestationRegistryVerifierIsOwner(modelId, verifier);
        s &= _LOW136 & ~_STATUS_MASK;
        if (approve) {
            if (correction) cursor = _supersede(id, _supersedes[id], cursor);
            _markVerified(id, s, verifier, v.index, c);
            if (correction) modelRegistry.setAttestationCursor(modelId, cursor);
        } else {
            _reject(id, s, verifier, v.index, reasonHash, cursor);
        }
    }

    /// @dev Rejected, with one live PRETRAINING run less and its period freed (SPEC 4, v1.1); a freed period is
    /// marked so that no correction of the rejected attestation can claim it again beside a new attestation.
    function _reject(bytes32 id, uint256 s, address verifier, uint32 index, bytes32 reasonHash, uint256 cursor)
        private
    {
        uint256 next = _freePeriod(s, id, cursor);
        if (next != cursor) s |= _FREED;
        if ((s >> _KIND_SHIFT) & 3 == 0) next -= _LIVE_ONE;
        _states[id] = s | _VERDICT | (uint256(index) << _ACTOR_SHIFT) | uint256(Status.Rejected);
        emit AttestationRejected(id, verifier, reasonHash);
        if (next != cursor) modelRegistry.setAttestationCursor((s >> _MODEL_SHIFT) & _M48, next);
    }

    /// @dev Verified status, the verdict flag, the verifier's index, the reward-parameter epoch in force and
    /// the end of the challenge window on the pause-free clock.
    /// Also returns that end as a timestamp (if no pause intervenes).
    function _verdictBits(uint32 verifierIndex, uint256 c) private view returns (uint256 bits, uint64 finalAt) {
        finalAt = uint64(block.timestamp + uint24(c)); // challengeWindow
        uint256 end = finalAt - uint32(c >> _PAUSED_TOTAL_BIT);
        bits = uint256(Status.Verified) | _VERDICT | (end << _FINAL_SHIFT) | (uint256(verifierIndex) << _ACTOR_SHIFT)
            | (uint256(uint16(c >> _EPOCH_BIT)) << _EPOCH_SHIFT);
    }

    function _markVerified(bytes32 id, uint256 s, address verifier, uint32 verifierIndex, uint256 c) private {
        (uint256 bits, uint64 finalAt) = _verdictBits(verifierIndex, c);
        _states[id] = s | bits;
        emit AttestationVerified(id, verifier, finalAt);
    }

    /// @inheritdoc IAttestationRegistry
    function withdraw(bytes32 id) external override whenNotPaused {
        uint256 s = _states[id];
        if (s & _STATUS_MASK != uint256(Status.Submitted)) revert AttestationRegistryWrongStatus(id, _effective(s));
        uint256 modelId = (s >> _MODEL_SHIFT) & _M48;
        (address owner,, uint256 cursor) = modelRegistry.attestationContext(modelId);
        if (owner != msg.sender) revert AttestationRegistryNotModelOwner(modelId, msg.sender);
        _states[id] = (s & ~_STATUS_MASK) | uint256(Status.Withdrawn);
        uint256 next = _freePeriod(s, id, cursor);
        if ((s >> _KIND_SHIFT) & 3 == 0) next -= _LIVE_ONE;
        emit AttestationWithdrawn(id, msg.sender);
        if (next != cursor) modelRegistry.setAttestationCursor(modelId, next);
    }

    // ================================================================ disputes

    /// @inheritdoc IAttestationRegistry
    /// @dev Runs in AttestationDisputes (see _delegateToDisputes), as do the four functions below.
    function dispute(bytes32 id, string calldata reasonURI) external payable override {
        (id, reasonURI); // named for the ABI; AttestationDisputes decodes the calldata
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationRegistry
    function upholdDispute(bytes32 id, bytes32 rulingHash) external override {
        (id, rulingHash);
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationRegistry
    function dismissDispute(bytes32 id, bytes32 rulingHash) external override {
        (id, rulingHash);
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationRegistry
    function withdrawRefund() external override {
        _delegateToDisputes();
    }

    /// @inheritdoc IAttestationRegistry
    function invalidateUnreviewed(bytes32 id, bytes32 rulingHash) external override {
        (id, rulingHash);
        _delegateToDisputes();
    }

    /// @dev Runs the called function in AttestationDisputes on this contract's storage (same layout) with the
    /// same calldata, and returns or reverts with its result. The dispute code lives apart only for EIP-170.
    function _delegateToDisputes() private {
        _delegateTo(address(_disputeCode));
    }

    // ================================================================ efficiency-bonus training tally

    /// @inheritdoc IAttestationRegistry
    /// @dev Runs in AttestationTally (see _delegateTo).
    function tallyTraining(uint256 modelId, Attestation[] calldata runs) external override {
        (modelId, runs);
        _delegateTo(address(_tallyCode));
    }

    /// @dev Runs the called function in `target` (a part deployed by the constructor) on this contract's storage
    /// with the same calldata, and returns or reverts with its result.
    function _delegateTo(address target) private {
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    // ================================================================ rewards

    /// @inheritdoc IAttestationRegistry
    function claimReward(Attestation calldata attestation)
        external
        override
        whenNotPaused
        nonReentrant
        returns (uint256 reward, uint256 verifierReward)
    {
        bytes32 id = _hashAttestation(attestation);
        uint256 s = _states[id];
        if (s & _CLAIMED != 0) revert AttestationRegistryAlreadyClaimed(id);
        Status status = _effective(s);
        if (status != Status.Final) revert AttestationRegistryNotFinal(id, status);
        address owner = _ownerOf(attestation.modelId);
        if (owner != msg.sender) revert AttestationRegistryNotModelOwner(attestation.modelId, msg.sender);
        uint256 c = _rewardConfig(s);
        reward = _reward(
            c, attestation.energyWh, attestation.locationIntensity, attestation.renewableBps, attestation.method
        );
        uint256 alreadyPaid;
        if (s & _CORRECTION != 0) {
            alreadyPaid = _carriedPaid[id];
            reward = reward > alreadyPaid ? reward - alreadyPaid : 0;
        }
        address verifier;
        (verifier, verifierReward) = _verifierShare(s, reward * uint16(c >> _VERIFIER_BPS_BIT) / _BPS);
        // stores the cumulative amount paid to owners along the supersede chain
        _states[id] = (s & _LOW136) | _CLAIMED | ((alreadyPaid + reward) << _FINAL_SHIFT);
        emit RewardClaimed(id, attestation.modelId, owner, reward, verifier, verifierReward);
        if (reward != 0) {
            leaf.mint(owner, reward);
            if (verifierReward != 0) leaf.mint(verifier, verifierReward);
        }
    }

    /// @dev The reward parameters in force when the attestation was verified (SPEC 6, v1.1).
    function _rewardConfig(uint256 s) private view returns (uint256 c) {
        c = _configWord();
        uint256 epoch = uint16(s >> _EPOCH_SHIFT);
        if (epoch != uint16(c >> _EPOCH_BIT)) c = _epochs[epoch];
    }

    /// @dev A revoked verifier earns no share of rewards claimed after its revocation (SPEC 5, v1.1).
    function _verifierShare(uint256 s, uint256 share) private view returns (address verifier, uint256 paid) {
        uint256 v = _verifierByIndex[uint32(s >> _ACTOR_SHIFT)];
        verifier = address(uint160(v));
        if (v >> 160 != 0) paid = share;
    }

    /// @param c a `_config` word
    function _reward(uint256 c, uint256 energyWh, uint256 locationIntensity, uint256 renewableBps, Method method)
        private
        pure
        returns (uint256)
    {
        uint256 marketIntensity = locationIntensity * (_BPS - renewableBps) / _BPS;
        uint256 baseline = uint16(c >> _BASELINE_BIT);
        if (baseline <= marketIntensity) return 0;
        uint256 avoidedG = energyWh * (baseline - marketIntensity) / 1000;
        uint256 bps = uint16(c >> (_METHOD_BPS_BIT + 16 * uint256(method))); // METER, SOFTWARE, ESTIMATE in order
        uint256 reward = avoidedG * bps / _BPS * _WEI_PER_GRAM;
        uint256 cap = uint96(c >> _MAX_REWARD_BIT);
        return reward > cap ? cap : reward;
    }

    // ================================================================ efficiency bonus

    /// @inheritdoc IAttestationRegistry
    function mintEfficiencyBonus(address owner, uint256 bonus, address verifier, uint256 verifierReward)
        external
        override
    {
        if (msg.sender != efficiencyBonus) revert AttestationRegistryNotEfficiencyBonus(msg.sender);
        if (bonus != 0) leaf.mint(owner, bonus);
        if (verifierReward != 0) leaf.mint(verifier, verifierReward);
    }

    /// @inheritdoc IAttestationRegistry
    function lockTraining(uint256 modelId) external override {
        if (msg.sender != efficiencyBonus) revert AttestationRegistryNotEfficiencyBonus(msg.sender);
        _tallies[modelId] |= _TRAINING_LOCKED;
    }

    // ================================================================ views

    /// @inheritdoc IAttestationRegistry
    function getAttestation(bytes32 id) external view override returns (AttestationState memory st) {
        uint256 s = _states[id];
        st.status = _effective(s);
        st.kind = Kind((s >> _KIND_SHIFT) & 3);
        st.claimed = s & _CLAIMED != 0;
        st.isCorrection = s & _CORRECTION != 0;
        st.modelId = (s >> _MODEL_SHIFT) & _M48;
        st.periodStart = uint64((s >> _START_SHIFT) & _M40);
        st.periodEnd = uint64((s >> _END_SHIFT) & _M40);
        uint256 stored = s & _STATUS_MASK;
        if (st.claimed) {
            st.paid = s >> _FINAL_SHIFT;
        } else if (stored == uint256(Status.Disputed)) {
            st.remainingWindow = uint64((s >> _FINAL_SHIFT) & _M40);
        } else if (stored != uint256(Status.Invalidated) && (s >> _FINAL_SHIFT) & _M40 != 0) {
            // as a timestamp: the pause-free deadline plus the time paused so far
            st.finalAt = uint64(((s >> _FINAL_SHIFT) & _M40) + block.timestamp - _clock());
        }
        // only a verdict stores a verifier (before it the bits hold the submitter)
        if (s & _VERDICT != 0 && !st.claimed) {
            st.verifier = address(uint160(_verifierByIndex[uint32(s >> _ACTOR_SHIFT)]));
        }
    }

    /// @inheritdoc IAttestationRegistry
    function effectiveStatus(bytes32 id) external view override returns (Status) {
        return _effective(_states[id]);
    }

    /// @inheritdoc IAttestationRegistry
    function attestationId(Attestation calldata attestation) external pure override returns (bytes32) {
        return _hashAttestation(attestation);
    }

    /// @inheritdoc IAttestationRegistry
    function computeReward(uint64 energyWh, uint32 locationIntensity, uint16 renewableBps, Method method)
        external
        view
        override
        returns (uint256)
    {
        if (renewableBps > _BPS) revert AttestationRegistryRenewableOutOfRange(renewableBps);
        return _reward(_configWord(), energyWh, locationIntensity, renewableBps, method);
    }

    /// @inheritdoc IAttestationRegistry
    function refundOf(address account) external view override returns (uint256) {
        return _refunds[account];
    }

    /// @inheritdoc IAttestationRegistry
    function disputeOf(bytes32 id) external view override returns (address challenger, uint256 bond) {
        uint256 d = _disputes[id];
        return (address(uint160(d)), d >> 160);
    }

    /// @inheritdoc IAttestationRegistry
    function supersedesOf(bytes32 id) external view override returns (bytes32) {
        return _supersedes[id];
    }

    /// @inheritdoc IAttestationRegistry
    function modelCursor(uint256 modelId)
        external
        view
        override
        returns (uint64[3] memory latestEnd, uint16 livePretraining)
    {
        (,, uint256 cursor) = modelRegistry.attestationContext(modelId);
        for (uint256 k; k < 3; ++k) {
            latestEnd[k] = uint64((cursor >> (40 * k)) & _M40);
        }
        livePretraining = uint16(cursor >> _LIVE_SHIFT);
    }

    /// @dev `modelRegistry.ownerOf(modelId)` without the ABI round trip; bubbles up the registry's revert
    /// (ERC721NonexistentToken) for a missing model.
    function _ownerOf(uint256 modelId) private view returns (address owner) {
        address target = address(modelRegistry);
        assembly ("memory-safe") {
            mstore(0x00, 0x6352211e) // ownerOf(uint256)
            mstore(0x20, modelId)
            if iszero(staticcall(gas(), target, 0x1c, 0x24, 0x00, 0x20)) {
                let m := mload(0x40)
                returndatacopy(m, 0, returndatasize())
                revert(m, returndatasize())
            }
            owner := mload(0x00)
        }
    }
}
