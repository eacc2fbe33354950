// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ARBITER_ROLE} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IEfficiencyBonus} from "./IEfficiencyBonus.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title Greenprint efficiency bonus (SPEC section 6)
/// @notice See IEfficiencyBonus. E and Ep are the attestation registry's training tallies (SPEC 6, v1.1: running
/// sums, so approving costs the same gas for 1 run as for 1,000): complete only when every live PRETRAINING run
/// of the model is tallied, i.e. Final, METER or SOFTWARE. Any Submitted, Verified-not-Final, Disputed or
/// ESTIMATE run, or a Final run nobody tallied yet, therefore blocks the approval.
contract EfficiencyBonus is IEfficiencyBonus {
    uint8 private constant _REQUESTED = 1;
    uint8 private constant _PAID = 2;
    uint256 private constant _BPS = 10_000;
    uint256 private constant _MAX_RETRY_DELAY = 30 days;

    /// @notice The attestation registry (roles, pause, parameters, attestation states, minting).
    IAttestationRegistry public immutable attestations;
    /// @notice The model registry.
    IModelRegistry public immutable models;

    mapping(uint256 modelId => uint8 state) private _state;
    mapping(uint256 parentId => uint256 usedWh) private _savingsUsed;
    mapping(uint256 modelId => uint256 timestamp) private _rejectedAt; // last verifier rejection
    uint256 private _retryDelay = 1 days; // SPEC 6 (v1.1) bonusRetryDelay

    /// @param attestationRegistry the AttestationRegistry
    /// @param modelRegistry the ModelRegistry
    constructor(IAttestationRegistry attestationRegistry, IModelRegistry modelRegistry) {
        attestations = attestationRegistry;
        models = modelRegistry;
    }

    modifier whenNotPaused() {
        if (attestations.paused()) revert EfficiencyBonusPaused();
        _;
    }

    /// @inheritdoc IEfficiencyBonus
    function requestEfficiencyBonus(uint256 modelId) external override whenNotPaused {
        if (_state[modelId] == _PAID) revert EfficiencyBonusAlreadyPaid(modelId);
        uint256 lastRejection = _rejectedAt[modelId];
        if (lastRejection != 0 && block.timestamp < lastRejection + _retryDelay) {
            revert EfficiencyBonusRetryTooSoon(modelId, lastRejection + _retryDelay);
        }
        (address owner, uint256 parentId) = _eligibility(modelId);
        if (owner != msg.sender) revert EfficiencyBonusNotModelOwner(modelId, msg.sender);
        _state[modelId] = _REQUESTED;
        emit EfficiencyBonusRequested(modelId, parentId, owner);
    }

    /// @inheritdoc IEfficiencyBonus
    function approveEfficiencyBonus(uint256 modelId) external override whenNotPaused {
        bool byArbiter = _approver(modelId);
        (address owner, uint256 parentId) = _eligibility(modelId);
        if (owner == msg.sender) revert EfficiencyBonusVerifierIsOwner(modelId, msg.sender);
        uint256 energy = _talliedEnergy(modelId);
        uint256 parentEnergy = _talliedEnergy(parentId);
        if (energy == 0) revert EfficiencyBonusNoTrainingEnergy(modelId);
        if (energy >= parentEnergy) revert EfficiencyBonusNotMoreEfficient(energy, parentEnergy);
        _pay(modelId, parentId, owner, energy, parentEnergy, byArbiter);
    }

    /// @dev An accredited verifier approves a pending request; the arbiter also one that a verifier rejected
    /// (SPEC 6, v1.1: one verifier cannot block a bonus for ever). Returns whether the arbiter approves.
    function _approver(uint256 modelId) private view returns (bool byArbiter) {
        uint8 state = _state[modelId];
        if (state == _REQUESTED && attestations.isVerifier(msg.sender)) return false;
        if (IAccessControl(address(attestations)).hasRole(ARBITER_ROLE, msg.sender)) {
            if (state == _REQUESTED || (state == 0 && _rejectedAt[modelId] != 0)) return true;
            revert EfficiencyBonusNotRequested(modelId);
        }
        _requireVerdict(modelId); // reverts: not a verifier, or nothing pending
    }

    function _pay(
        uint256 modelId,
        uint256 parentId,
        address owner,
        uint256 energy,
        uint256 parentEnergy,
        bool byArbiter
    ) private {
        IAttestationRegistry.Params memory p = attestations.getParams();
        // a switched-off bonus must not use up the model's only bonus (issue 12 I-3): the request stays pending
        if (p.efficiencyBps == 0) revert EfficiencyBonusDisabled();
        // one parent funds at most its own energy: siblings share its savings budget of Ep Wh (SPEC 6, v1.1)
        uint256 used = _savingsUsed[parentId];
        uint256 saving = parentEnergy - energy;
        uint256 left = parentEnergy > used ? parentEnergy - used : 0;
        if (saving > left) saving = left;
        if (saving == 0) revert EfficiencyBonusBudgetSpent(parentId, used);
        _savingsUsed[parentId] = used + saving;
        uint256 bonus = saving * p.baselineIntensity / 1000 * p.efficiencyBps / _BPS * 1e15;
        if (bonus > p.maxRewardPerAttestation) bonus = p.maxRewardPerAttestation;
        // the verifier share pays a verifier's review; an arbiter's ruling earns none
        uint256 verifierReward = byArbiter ? 0 : bonus * p.verifierBps / _BPS;
        _state[modelId] = _PAID;
        emit EfficiencyBonusSavingsUsed(parentId, modelId, saving, used + saving);
        emit EfficiencyBonusPaid(modelId, owner, msg.sender, energy, parentEnergy, bonus, verifierReward);
        // the runs the bonus was computed from can no longer be restated (SPEC 6, v1.1)
        attestations.lockTraining(modelId);
        attestations.lockTraining(parentId);
        attestations.mintEfficiencyBonus(owner, bonus, msg.sender, verifierReward);
    }

    /// @inheritdoc IEfficiencyBonus
    function rejectEfficiencyBonus(uint256 modelId, bytes32 reasonHash) external override whenNotPaused {
        _requireVerdict(modelId);
        delete _state[modelId];
        _rejectedAt[modelId] = block.timestamp;
        emit EfficiencyBonusRejected(modelId, msg.sender, reasonHash);
    }

    /// @inheritdoc IEfficiencyBonus
    function setRetryDelay(uint256 delay) external override {
        if (!IAccessControl(address(attestations)).hasRole(bytes32(0), msg.sender)) {
            revert IAccessControl.AccessControlUnauthorizedAccount(msg.sender, bytes32(0));
        }
        if (delay > _MAX_RETRY_DELAY) revert EfficiencyBonusRetryDelayOutOfRange(delay);
        emit EfficiencyBonusRetryDelaySet(_retryDelay, delay);
        _retryDelay = delay;
    }

    /// @inheritdoc IEfficiencyBonus
    function retryDelay() external view override returns (uint256) {
        return _retryDelay;
    }

    /// @inheritdoc IEfficiencyBonus
    function rejectedAt(uint256 modelId) external view override returns (uint256) {
        return _rejectedAt[modelId];
    }

    /// @inheritdoc IEfficiencyBonus
    function savingsUsed(uint256 parentId) external view override returns (uint256) {
        return _savingsUsed[parentId];
    }

    /// @inheritdoc IEfficiencyBonus
    function bonusState(uint256 modelId) external view override returns (uint8) {
        return _state[modelId];
    }

    function _requireVerdict(uint256 modelId) private view {
        if (!attestations.isVerifier(msg.sender)) revert EfficiencyBonusNotVerifier(msg.sender);
        if (_state[modelId] != _REQUESTED) revert EfficiencyBonusNotRequested(modelId);
    }

    function _eligibility(uint256 modelId) private view returns (address owner, uint256 parentId) {
        IModelRegistry.ModelInfo memory info = models.getModel(modelId);
        parentId = info.parentId;
        if (parentId == 0) revert EfficiencyBonusNoParent(modelId);
        if (!info.trainingSealed) revert EfficiencyBonusNotSealed(modelId);
        IModelRegistry.ModelInfo memory parent = models.getModel(parentId);
        if (!parent.trainingSealed) revert EfficiencyBonusNotSealed(parentId);
        owner = IERC721(address(models)).ownerOf(modelId);
        address parentOwner = IERC721(address(models)).ownerOf(parentId);
        if (parentOwner != owner) revert EfficiencyBonusOwnerMismatch(parentId, parentOwner);
        if (info.parameterCount < parent.parameterCount) {
            revert EfficiencyBonusParameterCountTooLow(info.parameterCount, parent.parameterCount);
        }
    }

    /// @dev The model's Final METER/SOFTWARE PRETRAINING energy, from its complete training tally (O(1)).
    function _talliedEnergy(uint256 modelId) private view returns (uint256 energyWh) {
        uint256 runs;
        uint256 live;
        (energyWh, runs, live) = attestations.trainingTally(modelId);
        if (runs != live) revert EfficiencyBonusTallyIncomplete(modelId, runs, live);
    }
}
