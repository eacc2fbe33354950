// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateRegistry} from "../../contracts/CertificateRegistry.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {Script} from "forge-std/Script.sol";

/// @notice Deploys the CertificateRegistry (used by script/Deploy.s.sol inside its broadcast).
abstract contract DeployCertificateRegistry is Script {
    /// @notice The issuing registries accepted from the start, one canonical label each (the SDK's
    /// `CERTIFICATE_ISSUERS` in lib/spec.ts maps common spellings to these labels; keep the two lists equal).
    /// @return labels left-aligned bytes32 labels
    function defaultCertificateIssuers() public pure returns (bytes32[] memory labels) {
        labels = new bytes32[](8);
        labels[0] = "I-REC";
        labels[1] = "Verra";
        labels[2] = "Gold Standard";
        labels[3] = "ACR";
        labels[4] = "CAR";
        labels[5] = "Puro.earth";
        labels[6] = "M-RETS";
        labels[7] = "PJM-GATS";
    }

    /// @param attestations the AttestationRegistry
    /// @param models the ModelRegistry
    function _deployCertificateRegistry(IAttestationRegistry attestations, IModelRegistry models)
        internal
        returns (CertificateRegistry certificates)
    {
        certificates = new CertificateRegistry(attestations, models, defaultCertificateIssuers());
    }
}
