// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EfficiencyBonus} from "../../contracts/EfficiencyBonus.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {Script} from "forge-std/Script.sol";

/// @notice Deploys the EfficiencyBonus (used by script/Deploy.s.sol inside its broadcast).
abstract contract DeployEfficiencyBonus is Script {
    /// @param attestations the AttestationRegistry
    /// @param models the ModelRegistry
    function _deployEfficiencyBonus(IAttestationRegistry attestations, IModelRegistry models)
        internal
        returns (EfficiencyBonus bonus)
    {
        bonus = new EfficiencyBonus(attestations, models);
    }
}
