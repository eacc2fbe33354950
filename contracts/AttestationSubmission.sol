// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationSignatures} from "./AttestationSignatures.sol";
import {AttestationTallyBase} from "./AttestationTallyBase.sol";
import {Attestation, Kind, Status} from "./Common.sol";
import {IAttestationLifecycle} from "./IAttestationLifecycle.sol";
import {AttestationWord, AttestationWordLib} from "./types/AttestationWord.sol";
import {ConfigWord} from "./types/ConfigWord.sol";
import {ModelCursor} from "./types/ModelCursor.sol";

/// @title Submission of attestations (SPEC section 4)
/// @notice submit, submitWithSig and submitVerified: the checks of the fields, the model's period frontier and
/// live-run counter (its cursor), corrections and what superseding a predecessor does.
abstract contract AttestationSubmission is AttestationSignatures, AttestationTallyBase {
    /// @inheritdoc IAttestationLifecycle
    function submit(Attestation calldata attestation) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _submit(attestation, id, msg.sender, 0, address(0));
    }

    /// @inheritdoc IAttestationLifecycle
    function submitWithSig(
        Attestation calldata attestation,
        address owner,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override whenNotPaused returns (bytes32 id) {
        id = _signedId(attestation, SUBMIT_ATTESTATION_TYPEHASH, owner, nonce, deadline, signature);
        _submit(attestation, id, owner, 0, address(0));
    }

    /// @inheritdoc IAttestationLifecycle
    function submitVerified(
        Attestation calldata attestation,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override whenNotPaused returns (bytes32 id) {
        id = _signedId(attestation, VERIFIED_ATTESTATION_TYPEHASH, verifier, nonce, deadline, signature);
        VerifierInfo memory v = _verifiers[verifier];
        if (!v.active) revert AttestationRegistryNotVerifier(verifier);
        if (verifier == msg.sender) revert AttestationRegistryVerifierIsOwner(attestation.modelId, verifier);
        _submit(attestation, id, msg.sender, v.index, verifier);
    }

    /// @dev The attestation's id, after `signer`'s signature of type `typeHash` over it was checked (and its
    /// nonce used).
    function _signedId(
        Attestation calldata a,
        bytes32 typeHash,
        address signer,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) private returns (bytes32 id) {
        id = _hashAttestation(a);
        _useSignature(signer, keccak256(abi.encode(typeHash, id, nonce, deadline)), nonce, deadline, signature);
    }

    function _submit(Attestation calldata a, bytes32 id, address submitter, uint32 verifierIndex, address verifier)
        private
    {
        _validate(a);
        (address owner, bool trainingSealed, ModelCursor cursor) = _context(a.modelId);
        if (owner == address(0)) revert AttestationRegistryModelNotFound(a.modelId);
        if (owner != submitter) revert AttestationRegistryNotModelOwner(a.modelId, submitter);
        Kind kind = a.kind;
        bool pretraining = kind == Kind.PRETRAINING;
        AttestationWord state = AttestationWordLib.pack(kind, a.modelId, a.periodStart, a.periodEnd);
        bytes32 predecessor = a.supersedes;
        if (predecessor == bytes32(0)) {
            if (pretraining && trainingSealed) revert AttestationRegistryTrainingSealed(a.modelId);
            uint256 latest = cursor.latest(kind);
            if (a.periodStart < latest) revert AttestationRegistryPeriodOverlap(a.periodStart, uint64(latest));
            cursor = cursor.withLatest(kind, a.periodEnd);
        } else {
            cursor = _checkCorrection(a, predecessor, cursor, kind);
            // on a sealed model a PRETRAINING correction may only restate, not extend, its predecessor
            if (pretraining && trainingSealed && a.periodEnd > _states[predecessor].periodEnd()) {
                revert AttestationRegistryTrainingSealed(a.modelId);
            }
            // the runs an approved efficiency bonus was computed from are never restated (SPEC 6, v1.1)
            if (pretraining && _tallies[a.modelId].locked()) revert AttestationRegistryTrainingLocked(a.modelId);
            state = state.withCorrection();
            _supersedes[id] = predecessor;
        }
        if (pretraining) {
            if (cursor.liveFull()) revert AttestationRegistryTooManyRuns(a.modelId);
            cursor = cursor.addLive();
        }
        if (!_states[id].isEmpty()) revert AttestationRegistryAlreadyExists(id);
        _useEvidence(a.evidenceHash, id);
        uint64 finalAt;
        if (verifierIndex == 0) {
            state = state.submittedBy(submitter);
        } else {
            if (predecessor != bytes32(0)) cursor = _supersede(id, predecessor, cursor);
            (state, finalAt) = _verified(state, verifierIndex, _configWord());
        }
        _states[id] = state;
        _setCursor(a.modelId, cursor);
        _emitSubmitted(id, a, submitter);
        if (verifierIndex != 0) emit AttestationVerified(id, verifier, finalAt);
    }

    /// @dev One evidence document backs one attestation (SPEC 4, v1.1): refused while the attestation it backs
    /// is anything but Rejected or Withdrawn (those free it; Superseded and Invalidated keep it). Read lazily
    /// from that attestation's status, so rejecting or withdrawing costs nothing more.
    function _useEvidence(bytes32 evidenceHash, bytes32 id) private {
        bytes32 used = _evidenceUse[evidenceHash];
        if (used != bytes32(0)) {
            Status status = _states[used].storedStatus();
            if (status != Status.Rejected && status != Status.Withdrawn) {
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

    function _checkCorrection(Attestation calldata a, bytes32 predecessor, ModelCursor cursor, Kind kind)
        private
        view
        returns (ModelCursor)
    {
        AttestationWord p = _states[predecessor];
        if (p.isEmpty()) revert AttestationRegistrySupersedesUnknown(predecessor);
        uint256 pModel = p.modelId();
        if (pModel != a.modelId) revert AttestationRegistrySupersedesOtherModel(predecessor, pModel);
        if (p.kind() != kind) revert AttestationRegistrySupersedesOtherKind(predecessor, a.kind);
        _requireSupersedable(predecessor, p, true);
        uint256 pEnd = p.periodEnd();
        if (a.periodStart < p.periodStart()) {
            revert AttestationRegistryCorrectionOutsidePeriod(a.periodStart, a.periodEnd);
        }
        if (a.periodEnd > pEnd) {
            // only the latest attestation of its kind may be extended by its correction
            if (cursor.latest(kind) != pEnd) {
                revert AttestationRegistryCorrectionOutsidePeriod(a.periodStart, a.periodEnd);
            }
            cursor = cursor.withLatest(kind, a.periodEnd);
        }
        return cursor;
    }

    /// @dev Submitted, Verified (Final included), Rejected and (at submission only) Disputed attestations can
    /// be superseded, except an unverified correction (its own predecessor is still live).
    function _requireSupersedable(bytes32 id, AttestationWord p, bool atSubmission) private view {
        Status status = p.storedStatus();
        // a Rejected one whose period was freed (and may be attested again) is not: that would claim it twice
        bool ok = status == Status.Submitted || status == Status.Verified || (status == Status.Rejected && !p.freed())
            || (atSubmission && status == Status.Disputed);
        if (p.isCorrection() && (status == Status.Submitted || status == Status.Rejected)) ok = false;
        if (!ok) revert AttestationRegistryNotSupersedable(id, _effective(p));
    }

    /// @dev A verified correction `id` supersedes `predecessor`: returns the cursor with one live PRETRAINING run
    /// less unless the predecessor was Rejected.
    function _supersede(bytes32 id, bytes32 predecessor, ModelCursor cursor) internal returns (ModelCursor) {
        AttestationWord p = _states[predecessor];
        _requireSupersedable(predecessor, p, false);
        Status status = p.storedStatus();
        if (p.isPretraining() && status != Status.Rejected) {
            cursor = cursor.removeLive();
            // a tallied run (Final, so stored Verified) leaves the bonus tally with it (SPEC 6, v1.1)
            if (status == Status.Verified) _untally(predecessor, p);
        }
        _states[predecessor] = p.withStatus(Status.Superseded);
        // what the chain ending at the predecessor already paid (its own claim is cumulative)
        uint256 carried = p.claimed() ? p.paid() : _carriedPaid[predecessor];
        if (carried != 0) _carriedPaid[id] = carried;
        emit AttestationSuperseded(predecessor, id);
        return cursor;
    }

    /// @dev `s` Verified by the verifier with `verifierIndex`, under the reward-parameter epoch in force, its
    /// challenge window ending on the pause-free clock; also returns that end as a timestamp (if no pause
    /// intervenes).
    /// @param c the config word
    function _verified(AttestationWord s, uint32 verifierIndex, ConfigWord c)
        internal
        view
        returns (AttestationWord, uint64 finalAt)
    {
        finalAt = uint64(block.timestamp + c.challengeWindow());
        return (s.verifiedBy(verifierIndex, finalAt - c.pausedTotal(), c.epoch()), finalAt);
    }
}
