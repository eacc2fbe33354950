// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";

/// @title The registry's side of the training tally: its views and the supersede hook
/// @notice The tally is complete when its run count equals the model's live PRETRAINING count: tallied runs are
/// Final, and a Final run stays live until a verified correction supersedes it (which untallies it here), so
/// equality means every live run is Final, not an ESTIMATE, and counted.
abstract contract AttestationTallyBase is IAttestationRegistry, AttestationRegistryStorage {
    /// @inheritdoc IAttestationRegistry
    function trainingTally(uint256 modelId)
        external
        view
        override
        returns (uint256 energyWh, uint256 runs, uint256 liveRuns)
    {
        uint256 t = _tallies[modelId];
        (,, uint256 cursor) = modelRegistry.attestationContext(modelId);
        return (uint128(t), uint16(t >> _TALLY_RUNS_SHIFT), uint16(cursor >> _LIVE_SHIFT));
    }

    /// @inheritdoc IAttestationRegistry
    function talliedEnergy(bytes32 id) external view override returns (uint256 energyWh) {
        return uint64(_tallied[id]);
    }

    /// @dev A verified correction superseded `id` (state word `p`, a Verified PRETRAINING run): if tallied, its
    /// energy and count leave its model's tally (one SLOAD when it was not).
    function _untally(bytes32 id, uint256 p) internal {
        uint256 t = _tallied[id];
        if (t == 0) return;
        delete _tallied[id];
        uint256 modelId = (p >> _MODEL_SHIFT) & _M48;
        uint256 energy = uint64(t);
        _tallies[modelId] -= energy | (1 << _TALLY_RUNS_SHIFT);
        emit TrainingRunUntallied(modelId, id, energy);
    }
}
