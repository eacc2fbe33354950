// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Greenprint efficiency bonus (SPEC section 6, "more efficient algorithms")
/// @notice Once per model: a model and its parent, both sealed and held by the same owner, the model
/// at least as large, and the model's Final PRETRAINING energy E (> 0) below the parent's Ep. The owner
/// requests, a verifier approves; `bonusG = (Ep - E) * baselineIntensity / 1000 * efficiencyBps / 10000`,
/// paid like a reward (1 LEAF per 1000 g, capped at maxRewardPerAttestation, verifier share on top),
/// minted through the AttestationRegistry.
interface IEfficiencyBonus {
    /// @notice The owner requested the bonus.
    /// @param modelId the model
    /// @param parentId its parent
    /// @param owner the owner of both
    event EfficiencyBonusRequested(uint256 indexed modelId, uint256 indexed parentId, address indexed owner);
    /// @notice A verifier rejected the request; the owner may request again.
    /// @param modelId the model
    /// @param verifier the verifier
    /// @param reasonHash hash of the reason
    event EfficiencyBonusRejected(uint256 indexed modelId, address indexed verifier, bytes32 reasonHash);
    /// @notice A verifier approved the bonus and it was paid.
    /// @param modelId the model
    /// @param owner paid `bonus`
    /// @param verifier paid `verifierReward`
    /// @param energyWh E
    /// @param parentEnergyWh Ep
    /// @param bonus LEAF wei minted to the owner
    /// @param verifierReward LEAF wei minted to the verifier
    event EfficiencyBonusPaid(
        uint256 indexed modelId,
        address indexed owner,
        address indexed verifier,
        uint256 energyWh,
        uint256 parentEnergyWh,
        uint256 bonus,
        uint256 verifierReward
    );

    /// @notice An approved bonus consumed part of its parent's savings budget (SPEC 6, v1.1).
    /// @param parentId the parent whose budget (its Final PRETRAINING energy Ep, in Wh) was used
    /// @param modelId the model paid
    /// @param savingWh Wh of savings paid for: Ep - E, or what was left of the budget if less
    /// @param usedWh Wh of the parent's budget used so far, this bonus included
    event EfficiencyBonusSavingsUsed(
        uint256 indexed parentId, uint256 indexed modelId, uint256 savingWh, uint256 usedWh
    );

    /// @notice The admin changed bonusRetryDelay (SPEC 6, v1.1).
    /// @param oldDelay previous delay (s)
    /// @param newDelay new delay (s)
    event EfficiencyBonusRetryDelaySet(uint256 oldDelay, uint256 newDelay);

    /// @notice The registries are paused.
    error EfficiencyBonusPaused();
    /// @notice The caller is not the model owner.
    error EfficiencyBonusNotModelOwner(uint256 modelId, address account);
    /// @notice The caller is not an accredited verifier.
    error EfficiencyBonusNotVerifier(address account);
    /// @notice A verifier may not approve a bonus for a model it owns.
    error EfficiencyBonusVerifierIsOwner(uint256 modelId, address verifier);
    /// @notice The bonus of this model was already paid.
    error EfficiencyBonusAlreadyPaid(uint256 modelId);
    /// @notice No request is pending for the model.
    error EfficiencyBonusNotRequested(uint256 modelId);
    /// @notice The model has no parent.
    error EfficiencyBonusNoParent(uint256 modelId);
    /// @notice The model's training is not sealed.
    error EfficiencyBonusNotSealed(uint256 modelId);
    /// @notice Model and parent are not held by the same owner.
    error EfficiencyBonusOwnerMismatch(uint256 parentId, address parentOwner);
    /// @notice The model has fewer parameters than its parent.
    error EfficiencyBonusParameterCountTooLow(uint64 parameterCount, uint64 parentParameterCount);
    /// @notice The model's training tally is incomplete (SPEC 6, v1.1): fewer runs tallied than live PRETRAINING
    /// runs. Tally its Final METER/SOFTWARE runs with the registry's tallyTraining; a run that is not yet Final,
    /// or an ESTIMATE (never counted), keeps it incomplete.
    error EfficiencyBonusTallyIncomplete(uint256 modelId, uint256 tallied, uint256 live);
    /// @notice The model has no Final PRETRAINING energy.
    error EfficiencyBonusNoTrainingEnergy(uint256 modelId);
    /// @notice E is not below Ep.
    error EfficiencyBonusNotMoreEfficient(uint256 energyWh, uint256 parentEnergyWh);
    /// @notice efficiencyBps is 0: the bonus is switched off, approving now would use it up for nothing.
    error EfficiencyBonusDisabled();
    /// @notice A verifier rejected the request: the owner may request again from `readyAt`.
    error EfficiencyBonusRetryTooSoon(uint256 modelId, uint256 readyAt);
    /// @notice bonusRetryDelay must be at most 30 days.
    error EfficiencyBonusRetryDelayOutOfRange(uint256 delay);
    /// @notice The parent's savings budget (its own energy) is already used by sibling bonuses.
    error EfficiencyBonusBudgetSpent(uint256 parentId, uint256 usedWh);

    /// @notice Request the bonus (owner of the model and of its parent).
    /// @param modelId the model
    function requestEfficiencyBonus(uint256 modelId) external;

    /// @notice Approve and pay a requested bonus (verifier not owning the model). The arbiter may also approve a
    /// request that a verifier rejected (no verifier share is paid on an arbiter's approval). E and Ep are the
    /// training tallies of the model and its parent (AttestationRegistry.trainingTally), which must be complete:
    /// tally their Final runs first (tallyTraining, anyone). Gas does not depend on the number of runs.
    /// @param modelId the model
    function approveEfficiencyBonus(uint256 modelId) external;

    /// @notice Reject a requested bonus (verifier). The owner may request again after `retryDelay`.
    /// @param modelId the model
    /// @param reasonHash hash of the reason
    function rejectEfficiencyBonus(uint256 modelId, bytes32 reasonHash) external;

    /// @notice Set bonusRetryDelay, 0 .. 30 days (admin of the attestation registry).
    /// @param delay seconds
    function setRetryDelay(uint256 delay) external;

    /// @notice Seconds an owner waits after a rejection before requesting again (default 1 day).
    /// @return delay seconds
    function retryDelay() external view returns (uint256 delay);

    /// @notice When a verifier last rejected the model's request (0 if never).
    /// @param modelId the model
    /// @return timestamp of the rejection
    function rejectedAt(uint256 modelId) external view returns (uint256 timestamp);

    /// @notice Wh of a parent's savings budget (its Final PRETRAINING energy) already paid to its children.
    /// @param parentId the parent
    /// @return usedWh Wh used
    function savingsUsed(uint256 parentId) external view returns (uint256 usedWh);

    /// @notice Bonus state of a model: 0 none, 1 requested, 2 paid.
    /// @param modelId the model
    /// @return state the state
    function bonusState(uint256 modelId) external view returns (uint8 state);
}
