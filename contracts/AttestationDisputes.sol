// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";

/// @title Disputes of the attestation registry (SPEC section 5)
/// @notice dispute, upholdDispute, dismissDispute, withdrawRefund and invalidateUnreviewed of IAttestationRegistry.
/// The registry deploys this contract in its constructor and runs these functions by delegatecall from its own
/// functions of the same names, so they act on the registry's storage, emit the registry's events and keep its
/// ABI; the code lives apart only to keep the registry under the EIP-170 size limit. Called directly, it refuses.
contract AttestationDisputes is AttestationRegistryStorage {
    /// @notice The AttestationRegistry that deployed this contract, the only context it runs in.
    address public immutable registry;

    /// @notice The function was called on the disputes contract itself instead of through the registry.
    error AttestationDisputesNotDelegated();

    /// @param models the ModelRegistry (the registry's)
    constructor(IModelRegistry models) AttestationRegistryStorage(models) {
        registry = msg.sender;
    }

    /// @dev Only by delegatecall from the registry: address(this) is then the registry.
    modifier onlyDelegated() {
        if (address(this) != registry) revert AttestationDisputesNotDelegated();
        _;
    }

    /// @notice See IAttestationRegistry.dispute.
    /// @param id attestation id
    /// @param reasonURI the challenger's reason (emitted)
    function dispute(bytes32 id, string calldata reasonURI) external payable onlyDelegated whenNotPaused nonReentrant {
        uint256 s = _states[id];
        if (s & _STATUS_MASK != uint256(Status.Verified) || s & _CLAIMED != 0) {
            revert IAttestationRegistry.AttestationRegistryWrongStatus(id, _effective(s));
        }
        uint256 end = (s >> _FINAL_SHIFT) & _M40;
        uint256 clock = block.timestamp - _config.pausedTotal; // not paused here
        if (clock >= end) {
            revert IAttestationRegistry.AttestationRegistryChallengeWindowClosed(id, uint64(end + _config.pausedTotal));
        }
        // a dismissed bond goes to the treasury: its own dispute would cost it nothing (SPEC 5, issue 12 I-5)
        if (msg.sender == _treasury) revert IAttestationRegistry.AttestationRegistryTreasuryCannotDispute(msg.sender);
        uint256 bond = _disputeBond;
        if (msg.value != bond) revert IAttestationRegistry.AttestationRegistryWrongBond(msg.value, bond);
        uint64 remaining = uint64(end - clock);
        _states[id] = (s & ~(_STATUS_MASK | (_M40 << _FINAL_SHIFT))) | uint256(Status.Disputed)
            | (uint256(remaining) << _FINAL_SHIFT);
        _disputes[id] = uint256(uint160(msg.sender)) | (bond << 160);
        emit IAttestationRegistry.AttestationDisputed(id, msg.sender, bond, remaining, reasonURI);
    }

    /// @notice See IAttestationRegistry.upholdDispute.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling
    function upholdDispute(bytes32 id, bytes32 rulingHash)
        external
        onlyDelegated
        whenNotPaused
        nonReentrant
        onlyRole(ARBITER_ROLE)
    {
        uint256 s = _states[id];
        (address challenger, uint256 bond) = _takeDispute(id, s);
        _refunds[challenger] += bond;
        address verifier = address(uint160(_verifierByIndex[uint32(s >> _ACTOR_SHIFT)]));
        (uint256 modelId, uint256 cursor, uint256 next) = _invalidate(id, s, verifier);
        emit IAttestationRegistry.DisputeUpheld(id, msg.sender, challenger, verifier, bond, rulingHash);
        if (next != cursor) modelRegistry.setAttestationCursor(modelId, next);
    }

    /// @notice See IAttestationRegistry.invalidateUnreviewed.
    /// @param id attestation id (Verified, not yet Final, verified by a verifier no longer accredited)
    /// @param rulingHash hash of the arbiter's ruling
    function invalidateUnreviewed(bytes32 id, bytes32 rulingHash)
        external
        onlyDelegated
        whenNotPaused
        nonReentrant
        onlyRole(ARBITER_ROLE)
    {
        uint256 s = _states[id];
        // Verified inside its window: not Final (nor claimed), not Disputed (a dispute is ruled on instead)
        Status status = _effective(s);
        if (status != Status.Verified) revert IAttestationRegistry.AttestationRegistryWrongStatus(id, status);
        uint256 v = _verifierByIndex[uint32(s >> _ACTOR_SHIFT)];
        address verifier = address(uint160(v));
        if (v >> 160 != 0) revert IAttestationRegistry.AttestationRegistryVerifierStillAccredited(id, verifier);
        (uint256 modelId, uint256 cursor, uint256 next) = _invalidate(id, s, verifier);
        emit IAttestationRegistry.AttestationInvalidatedUnreviewed(id, msg.sender, verifier, rulingHash);
        if (next != cursor) modelRegistry.setAttestationCursor(modelId, next);
    }

    /// @dev The effects of an invalidation (upheld dispute or invalidateUnreviewed): Invalidated, one more
    /// invalidated verdict on the verifier's record. Returns the model's cursor and the cursor to store (one
    /// live PRETRAINING run less, the period freed: SPEC 4, v1.1); the caller stores it after its event.
    function _invalidate(bytes32 id, uint256 s, address verifier)
        private
        returns (uint256 modelId, uint256 cursor, uint256 next)
    {
        ++_verifiers[verifier].invalidatedVerdicts;
        _states[id] = (s & ~_STATUS_MASK) | uint256(Status.Invalidated);
        modelId = (s >> _MODEL_SHIFT) & _M48;
        (,, cursor) = modelRegistry.attestationContext(modelId);
        next = _freePeriod(s, id, cursor);
        if ((s >> _KIND_SHIFT) & 3 == 0) next -= _LIVE_ONE;
    }

    /// @notice See IAttestationRegistry.dismissDispute.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling
    function dismissDispute(bytes32 id, bytes32 rulingHash)
        external
        onlyDelegated
        whenNotPaused
        nonReentrant
        onlyRole(ARBITER_ROLE)
    {
        uint256 s = _states[id];
        (address challenger, uint256 bond) = _takeDispute(id, s);
        _refunds[_treasury] += bond;
        uint256 remaining = (s >> _FINAL_SHIFT) & _M40;
        uint64 finalAt = uint64(block.timestamp + remaining);
        _states[id] = (s & ~(_STATUS_MASK | (_M40 << _FINAL_SHIFT))) | uint256(Status.Verified)
            | ((uint256(finalAt) - _config.pausedTotal) << _FINAL_SHIFT);
        emit IAttestationRegistry.DisputeDismissed(id, msg.sender, challenger, bond, finalAt, rulingHash);
    }

    /// @notice See IAttestationRegistry.withdrawRefund.
    function withdrawRefund() external onlyDelegated whenNotPaused nonReentrant {
        uint256 amount = _refunds[msg.sender];
        if (amount == 0) revert IAttestationRegistry.AttestationRegistryNothingToWithdraw(msg.sender);
        _refunds[msg.sender] = 0;
        emit IAttestationRegistry.RefundWithdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert IAttestationRegistry.AttestationRegistryTransferFailed(msg.sender, amount);
    }

    function _takeDispute(bytes32 id, uint256 s) private returns (address challenger, uint256 bond) {
        if (s & _STATUS_MASK != uint256(Status.Disputed)) {
            revert IAttestationRegistry.AttestationRegistryWrongStatus(id, _effective(s));
        }
        uint256 d = _disputes[id];
        delete _disputes[id];
        challenger = address(uint160(d));
        bond = d >> 160;
    }
}
