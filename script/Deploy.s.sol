// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ModelRegistry} from "../contracts/ModelRegistry.sol";
import {DeployModelRegistry} from "./deploy/DeployModelRegistry.s.sol";

/// @notice Deploys and wires every Greenprint contract.
/// @dev `DEPLOYER_PRIVATE_KEY=0x.. forge script script/Deploy.s.sol --rpc-url <url> --broadcast`, or
/// `--account <keystore> --sender <addr>` without the env variable.
contract Deploy is DeployModelRegistry {
    function run() external {
        uint256 pk = vm.envOr("DEPLOYER_PRIVATE_KEY", uint256(0));
        if (pk != 0) vm.startBroadcast(pk);
        else vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        uint64 nonce = vm.getNonce(deployer);
        address predictedAttestations = vm.computeCreateAddress(deployer, nonce + 2);
        ModelRegistry models = _deployModelRegistry(predictedAttestations);
        vm.stopBroadcast();
        models;
    }
}
