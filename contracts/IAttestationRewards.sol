// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Method} from "./Common.sol";

/// @title LEAF rewards and the efficiency bonus's training tally (SPEC section 6)
/// @notice Claims, the reward formula, the EfficiencyBonus contract's hooks and the training tally (SPEC 6, v1.1
/// "Approving costs bounded gas"; see AttestationTally and contracts/README.md). Events and errors:
/// IAttestationRegistry.
interface IAttestationRewards {
    /// @notice Claim the reward of a Final attestation (model owner only, once): mints the reward to the
    /// owner and the verifier's share to the verifier.
    /// @param attestation the fields (their hash must be a stored id)
    /// @return reward LEAF wei to the owner
    /// @return verifierReward LEAF wei to the verifier
    function claimReward(Attestation calldata attestation) external returns (uint256 reward, uint256 verifierReward);

    /// @notice The uncapped-then-capped SPEC 6 reward for the given values under current parameters.
    /// @param energyWh energy
    /// @param locationIntensity gCO2e/kWh
    /// @param renewableBps renewable share
    /// @param method method
    /// @return reward LEAF wei (before any supersede deduction)
    function computeReward(uint64 energyWh, uint32 locationIntensity, uint16 renewableBps, Method method)
        external
        view
        returns (uint256 reward);

    /// @notice Mint an approved efficiency bonus (the EfficiencyBonus contract only).
    /// @param owner model owner
    /// @param bonus LEAF wei to the owner
    /// @param verifier approving verifier
    /// @param verifierReward LEAF wei to the verifier
    function mintEfficiencyBonus(address owner, uint256 bonus, address verifier, uint256 verifierReward) external;

    /// @notice Freeze a model's PRETRAINING runs: no correction may restate them any more (the EfficiencyBonus
    /// contract only, when it approves a bonus computed from them; SPEC 6, v1.1).
    /// @param modelId the model (the bonus's model or its parent)
    function lockTraining(uint256 modelId) external;

    /// @notice The EfficiencyBonus contract allowed to call mintEfficiencyBonus.
    /// @return bonus its address
    function efficiencyBonus() external view returns (address bonus);

    /// @notice Add Final METER/SOFTWARE PRETRAINING runs of a model to its tally (anyone; in chunks of any size).
    /// Refused (whole call) for a run that is not that model's stored PRETRAINING attestation, an ESTIMATE, not
    /// Final, or already tallied. Emits TrainingRunTallied per run.
    /// @param modelId the model
    /// @param runs the runs' fields (their hashes must be stored ids)
    function tallyTraining(uint256 modelId, Attestation[] calldata runs) external;

    /// @notice A model's training tally. Complete when `runs == liveRuns`: every live PRETRAINING run is Final,
    /// METER or SOFTWARE, and tallied; `energyWh` is then its Final PRETRAINING energy E (SPEC 6).
    /// @param modelId the model
    /// @return energyWh sum of the tallied runs' energy
    /// @return runs number of tallied runs (all live)
    /// @return liveRuns number of live (Submitted, Verified, Disputed) PRETRAINING runs
    function trainingTally(uint256 modelId) external view returns (uint256 energyWh, uint256 runs, uint256 liveRuns);

    /// @notice The energy a run was tallied with (0 if it is not in its model's tally).
    /// @param id attestation id
    /// @return energyWh its energy
    function talliedEnergy(bytes32 id) external view returns (uint256 energyWh);
}
