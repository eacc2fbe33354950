// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationSubmission} from "./AttestationSubmission.sol";
import {Status} from "./Common.sol";
import {IAttestationLifecycle} from "./IAttestationLifecycle.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {ConfigWord} from "./types/ConfigWord.sol";
import {ModelCursor} from "./types/ModelCursor.sol";

/// @title Verdicts on attestations and their withdrawal (SPEC section 5)
/// @notice verify, reject, verdictWithSig and withdraw: a Submitted attestation becomes Verified (a correction
/// then supersedes its predecessor), Rejected or Withdrawn; the last two free its period (SPEC 4, v1.1).
abstract contract AttestationVerdicts is AttestationSubmission {
    /// @inheritdoc IAttestationLifecycle
    function verify(bytes32 id) external override {
        _verdict(id, msg.sender, true, bytes32(0));
    }

    /// @inheritdoc IAttestationLifecycle
    function reject(bytes32 id, bytes32 reasonHash) external override {
        _verdict(id, msg.sender, false, reasonHash);
    }

    /// @inheritdoc IAttestationLifecycle
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
        ConfigWord c = _configWord();
        if (c.isPaused()) revert AttestationRegistryPaused();
        AttestationWord s = _states[id];
        if (s.storedStatus() != Status.Submitted) revert AttestationRegistryWrongStatus(id, _effective(s));
        VerifierInfo memory v = _verifiers[verifier];
        if (!v.active) revert AttestationRegistryNotVerifier(verifier);
        if (s.isSubmitter(verifier)) revert AttestationRegistryVerifierIsSubmitter(id, verifier);
        uint256 modelId = s.modelId();
        bool correction = s.isCorrection();
        address owner;
        ModelCursor cursor;
        if (correction || !approve) (owner,, cursor) = _context(modelId);
        else owner = _ownerOf(modelId);
        if (owner == verifier) revert AttestationRegistryVerifierIsOwner(modelId, verifier);
        s = s.submission();
        if (approve) {
            if (correction) cursor = _supersede(id, _supersedes[id], cursor);
            (AttestationWord verified, uint64 finalAt) = _verified(s, v.index, c);
            _states[id] = verified;
            emit AttestationVerified(id, verifier, finalAt);
            if (correction) _setCursor(modelId, cursor);
        } else {
            _reject(id, s, verifier, v.index, reasonHash, cursor);
        }
    }

    /// @dev Rejected, with one live PRETRAINING run less and its period freed (SPEC 4, v1.1); a freed period is
    /// marked so that no correction of the rejected attestation can claim it again beside a new attestation.
    function _reject(
        bytes32 id,
        AttestationWord s,
        address verifier,
        uint32 index,
        bytes32 reasonHash,
        ModelCursor cursor
    ) private {
        ModelCursor next = _freePeriod(s, id, cursor);
        if (!next.eq(cursor)) s = s.withFreed();
        if (s.isPretraining()) next = next.removeLive();
        _states[id] = s.rejectedBy(index);
        emit AttestationRejected(id, verifier, reasonHash);
        if (!next.eq(cursor)) _setCursor(s.modelId(), next);
    }

    /// @inheritdoc IAttestationLifecycle
    function withdraw(bytes32 id) external override whenNotPaused {
        AttestationWord s = _states[id];
        if (s.storedStatus() != Status.Submitted) revert AttestationRegistryWrongStatus(id, _effective(s));
        uint256 modelId = s.modelId();
        (address owner,, ModelCursor cursor) = _context(modelId);
        if (owner != msg.sender) revert AttestationRegistryNotModelOwner(modelId, msg.sender);
        _states[id] = s.withStatus(Status.Withdrawn);
        ModelCursor next = _freePeriod(s, id, cursor);
        if (s.isPretraining()) next = next.removeLive();
        emit AttestationWithdrawn(id, msg.sender);
        if (!next.eq(cursor)) _setCursor(modelId, next);
    }
}
