// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationHash} from "./AttestationHash.sol";
import {AttestationRegistryPart} from "./AttestationRegistryPart.sol";
import {Attestation, Kind, Method, Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {TallyLib} from "./types/TallyWords.sol";

/// @title Training tally of the attestation registry (SPEC section 6, v1.1 "Approving costs bounded gas")
/// @notice tallyTraining of IAttestationRegistry: each model's Final METER/SOFTWARE PRETRAINING energy as a running
/// sum, so that approving an efficiency bonus reads two words instead of looping over the runs. An attestation's
/// energy is not stored on chain (its state word is full) and submit and verify have no gas left for a sum, so
/// anyone tallies a model's Final runs, in chunks, from their calldata; a supersession of a tallied run takes it
/// out again (AttestationTallyBase._untally, in the registry). Like AttestationDisputes, the registry deploys this
/// contract in its constructor and runs tallyTraining by delegatecall on its own storage (EIP-170 only); called
/// directly, it refuses.
contract AttestationTally is AttestationRegistryPart {
    /// @notice The function was called on the tally contract itself instead of through the registry.
    error AttestationTallyNotDelegated();

    /// @param models the ModelRegistry (the registry's)
    constructor(IModelRegistry models) AttestationRegistryPart(models, AttestationTallyNotDelegated.selector) {}

    /// @notice See IAttestationRegistry.tallyTraining.
    /// @param modelId the model
    /// @param runs the runs' fields
    function tallyTraining(uint256 modelId, Attestation[] calldata runs) external delegated {
        uint256 sum;
        for (uint256 i; i < runs.length; ++i) {
            Attestation calldata a = runs[i];
            bytes32 id = AttestationHash.hash(a);
            AttestationWord s = _states[id];
            // the id hashes modelId and kind: a stored id with these fields is that model's PRETRAINING run
            if (s.isEmpty() || a.modelId != modelId || a.kind != Kind.PRETRAINING) {
                revert IAttestationRegistry.AttestationRegistryNotTrainingRun(id, modelId);
            }
            // estimates are never paid, nor do they earn or fund a bonus (SPEC 6, v1.1)
            if (a.method == Method.ESTIMATE) revert IAttestationRegistry.AttestationRegistryEstimateRun(id);
            Status status = _effective(s);
            if (status != Status.Final) revert IAttestationRegistry.AttestationRegistryNotFinal(id, status);
            if (_tallied[id].isTallied()) revert IAttestationRegistry.AttestationRegistryAlreadyTallied(id);
            _tallied[id] = TallyLib.tallied(a.energyWh);
            sum += a.energyWh;
            emit IAttestationRegistry.TrainingRunTallied(modelId, id, a.energyWh);
        }
        _tallies[modelId] = _tallies[modelId].add(sum, runs.length);
    }
}
