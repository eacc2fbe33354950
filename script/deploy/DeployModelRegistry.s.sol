// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {Script} from "forge-std/Script.sol";

/// @notice Deploys the ModelRegistry (used by script/Deploy.s.sol inside its broadcast).
abstract contract DeployModelRegistry is Script {
    /// @param attestationRegistry the (predicted) AttestationRegistry address
    function _deployModelRegistry(address attestationRegistry) internal returns (ModelRegistry registry) {
        registry = new ModelRegistry(attestationRegistry);
    }
}
