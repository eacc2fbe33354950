// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IAttestationRewards} from "./IAttestationRewards.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {ModelCursor} from "./types/ModelCursor.sol";
import {ModelTally, TalliedRun} from "./types/TallyWords.sol";

/// @title The registry's side of the training tally: its views and the supersede hook
/// @notice The tally is complete when its run count equals the model's live PRETRAINING count: tallied runs are
/// Final, and a Final run stays live until a verified correction supersedes it (which untallies it here), so
/// equality means every live run is Final, not an ESTIMATE, and counted.
abstract contract AttestationTallyBase is IAttestationRegistry, AttestationRegistryStorage {
    /// @inheritdoc IAttestationRewards
    function trainingTally(uint256 modelId)
        external
        view
        override
        returns (uint256 energyWh, uint256 runs, uint256 liveRuns)
    {
        ModelTally t = _tallies[modelId];
        (,, ModelCursor cursor) = _context(modelId);
        return (t.energy(), t.runs(), cursor.live());
    }

    /// @inheritdoc IAttestationRewards
    function talliedEnergy(bytes32 id) external view override returns (uint256 energyWh) {
        return _tallied[id].energy();
    }

    /// @dev A verified correction superseded `id` (state word `p`, a Verified PRETRAINING run): if tallied, its
    /// energy and count leave its model's tally (one SLOAD when it was not).
    function _untally(bytes32 id, AttestationWord p) internal {
        TalliedRun t = _tallied[id];
        if (!t.isTallied()) return;
        _tallied[id] = TalliedRun.wrap(0);
        uint256 modelId = p.modelId();
        uint256 energy = t.energy();
        _tallies[modelId] = _tallies[modelId].removeRun(energy);
        emit TrainingRunUntallied(modelId, id, energy);
    }
}
