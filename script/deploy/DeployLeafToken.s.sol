// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {LeafToken} from "../../contracts/LeafToken.sol";
import {Script} from "forge-std/Script.sol";

/// @notice Deploys the LeafToken (used by script/Deploy.s.sol inside its broadcast).
abstract contract DeployLeafToken is Script {
    /// @param minter the (predicted) AttestationRegistry address, the only minter
    function _deployLeafToken(address minter) internal returns (LeafToken token) {
        token = new LeafToken(minter);
    }
}
