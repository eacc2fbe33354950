// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateRegistry} from "../../contracts/CertificateRegistry.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {Script} from "forge-std/Script.sol";

/// @notice Deploys the CertificateRegistry (used by script/Deploy.s.sol inside its broadcast).
abstract contract DeployCertificateRegistry is Script {
    /// @param attestations the AttestationRegistry
    /// @param models the ModelRegistry
    function _deployCertificateRegistry(IAttestationRegistry attestations, IModelRegistry models)
        internal
        returns (CertificateRegistry certificates)
    {
        certificates = new CertificateRegistry(attestations, models);
    }
}
