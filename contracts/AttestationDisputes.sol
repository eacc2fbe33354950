// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistryPart} from "./AttestationRegistryPart.sol";
import {Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {DisputeWord, DisputeWordLib} from "./types/DisputeWord.sol";
import {ModelCursor} from "./types/ModelCursor.sol";
import {VerifierWord} from "./types/VerifierWord.sol";

/// @title Disputes of the attestation registry (SPEC section 5)
/// @notice dispute, upholdDispute, dismissDispute, withdrawRefund and invalidateUnreviewed of IAttestationRegistry,
/// run by delegatecall from the registry's functions of the same names (see AttestationRegistryPart). Called
/// directly, it refuses.
contract AttestationDisputes is AttestationRegistryPart {
    /// @notice The function was called on the disputes contract itself instead of through the registry.
    error AttestationDisputesNotDelegated();

    /// @param models the ModelRegistry (the registry's)
    constructor(IModelRegistry models) AttestationRegistryPart(models, AttestationDisputesNotDelegated.selector) {}

    /// @notice See IAttestationRegistry.dispute.
    /// @param id attestation id
    /// @param reasonURI the challenger's reason (emitted)
    function dispute(bytes32 id, string calldata reasonURI) external payable delegated nonReentrant {
        AttestationWord s = _states[id];
        if (s.storedStatus() != Status.Verified || s.claimed()) {
            revert IAttestationRegistry.AttestationRegistryWrongStatus(id, _effective(s));
        }
        uint256 end = s.window();
        uint256 clock = block.timestamp - _config.pausedTotal; // not paused here
        if (clock >= end) {
            revert IAttestationRegistry.AttestationRegistryChallengeWindowClosed(id, uint64(end + _config.pausedTotal));
        }
        // a dismissed bond goes to the treasury: its own dispute would cost it nothing (SPEC 5, issue 12 I-5)
        if (msg.sender == _treasury) revert IAttestationRegistry.AttestationRegistryTreasuryCannotDispute(msg.sender);
        uint256 bond = _disputeBond;
        if (msg.value != bond) revert IAttestationRegistry.AttestationRegistryWrongBond(msg.value, bond);
        uint64 remaining = uint64(end - clock);
        _states[id] = s.withStatusAndWindow(Status.Disputed, remaining);
        _disputes[id] = DisputeWordLib.pack(msg.sender, bond);
        emit IAttestationRegistry.AttestationDisputed(id, msg.sender, bond, remaining, reasonURI);
    }

    /// @notice See IAttestationRegistry.upholdDispute.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling
    function upholdDispute(bytes32 id, bytes32 rulingHash) external delegated nonReentrant onlyRole(ARBITER_ROLE) {
        (AttestationWord s, address challenger, uint256 bond) = _takeDispute(id);
        _refunds[challenger] += bond;
        address verifier = _verifierByIndex[s.verifierIndex()].account();
        (uint256 modelId, ModelCursor cursor, ModelCursor next) = _invalidate(id, s, verifier);
        emit IAttestationRegistry.DisputeUpheld(id, msg.sender, challenger, verifier, bond, rulingHash);
        if (!next.eq(cursor)) modelRegistry.setAttestationCursor(modelId, ModelCursor.unwrap(next));
    }

    /// @notice See IAttestationRegistry.invalidateUnreviewed.
    /// @param id attestation id (Verified, not yet Final, verified by a verifier no longer accredited)
    /// @param rulingHash hash of the arbiter's ruling
    function invalidateUnreviewed(bytes32 id, bytes32 rulingHash)
        external
        delegated
        nonReentrant
        onlyRole(ARBITER_ROLE)
    {
        AttestationWord s = _states[id];
        // Verified inside its window: not Final (nor claimed), not Disputed (a dispute is ruled on instead); the
        // pause-free clock without _clock's pause branch, as in dispute (not paused here)
        if (s.storedStatus() != Status.Verified || s.claimed() || block.timestamp - _config.pausedTotal >= s.window()) {
            revert IAttestationRegistry.AttestationRegistryWrongStatus(id, _effective(s));
        }
        VerifierWord v = _verifierByIndex[s.verifierIndex()];
        address verifier = v.account();
        if (v.active()) revert IAttestationRegistry.AttestationRegistryVerifierStillAccredited(id, verifier);
        (uint256 modelId, ModelCursor cursor, ModelCursor next) = _invalidate(id, s, verifier);
        emit IAttestationRegistry.AttestationInvalidatedUnreviewed(id, msg.sender, verifier, rulingHash);
        if (!next.eq(cursor)) modelRegistry.setAttestationCursor(modelId, ModelCursor.unwrap(next));
    }

    /// @dev The effects of an invalidation (upheld dispute or invalidateUnreviewed): Invalidated, one more
    /// invalidated verdict on the verifier's record. Returns the model's cursor and the cursor to store (one
    /// live PRETRAINING run less, the period freed: SPEC 4, v1.1); the caller stores it after its event.
    function _invalidate(bytes32 id, AttestationWord s, address verifier)
        private
        returns (uint256 modelId, ModelCursor cursor, ModelCursor next)
    {
        ++_verifiers[verifier].invalidatedVerdicts;
        _states[id] = s.withStatus(Status.Invalidated);
        modelId = s.modelId();
        (,, uint256 raw) = modelRegistry.attestationContext(modelId); // not _context: the gas budget
        cursor = ModelCursor.wrap(raw);
        next = _freePeriod(s, id, cursor);
        if (s.isPretraining()) next = next.removeLive();
    }

    /// @notice See IAttestationRegistry.dismissDispute.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling
    function dismissDispute(bytes32 id, bytes32 rulingHash) external delegated nonReentrant onlyRole(ARBITER_ROLE) {
        (AttestationWord s, address challenger, uint256 bond) = _takeDispute(id);
        _refunds[_treasury] += bond;
        uint64 finalAt = uint64(block.timestamp + s.window());
        _states[id] = s.withStatusAndWindow(Status.Verified, uint256(finalAt) - _config.pausedTotal);
        emit IAttestationRegistry.DisputeDismissed(id, msg.sender, challenger, bond, finalAt, rulingHash);
    }

    /// @notice See IAttestationRegistry.withdrawRefund.
    function withdrawRefund() external delegated nonReentrant {
        uint256 amount = _refunds[msg.sender];
        if (amount == 0) revert IAttestationRegistry.AttestationRegistryNothingToWithdraw(msg.sender);
        _refunds[msg.sender] = 0;
        emit IAttestationRegistry.RefundWithdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert IAttestationRegistry.AttestationRegistryTransferFailed(msg.sender, amount);
    }

    /// @dev The Disputed attestation's word and its dispute, which ends here.
    function _takeDispute(bytes32 id) private returns (AttestationWord s, address challenger, uint256 bond) {
        s = _states[id];
        if (s.storedStatus() != Status.Disputed) {
            revert IAttestationRegistry.AttestationRegistryWrongStatus(id, _effective(s));
        }
        DisputeWord d = _disputes[id];
        _disputes[id] = DisputeWord.wrap(0);
        challenger = d.challenger();
        bond = d.bond();
    }
}
