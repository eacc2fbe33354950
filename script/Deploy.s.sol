// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../contracts/AttestationRegistry.sol";
import {CertificateRegistry} from "../contracts/CertificateRegistry.sol";
import {EfficiencyBonus} from "../contracts/EfficiencyBonus.sol";
import {LeafToken} from "../contracts/LeafToken.sol";
import {ModelRegistry} from "../contracts/ModelRegistry.sol";
import {DeployAttestationRegistry} from "./deploy/DeployAttestationRegistry.s.sol";
import {DeployCertificateRegistry} from "./deploy/DeployCertificateRegistry.s.sol";
import {DeployEfficiencyBonus} from "./deploy/DeployEfficiencyBonus.s.sol";
import {DeployLeafToken} from "./deploy/DeployLeafToken.s.sol";
import {DeployModelRegistry} from "./deploy/DeployModelRegistry.s.sol";

/// @notice Deploys and wires every Greenprint contract, five CREATE transactions in this order:
/// ModelRegistry, LeafToken, AttestationRegistry, EfficiencyBonus, CertificateRegistry. The cross
/// references (model registry -> attestation registry, LEAF minter, bonus minter) are immutable and
/// use the addresses predicted from the deployer's nonce; the script checks them.
/// @dev Local: `DEPLOYER_PRIVATE_KEY=0x.. forge script script/Deploy.s.sol --rpc-url <url> --broadcast`.
/// Real networks: `forge script script/Deploy.s.sol --rpc-url <url> --account <keystore> --sender <addr> --broadcast`.
/// Env: GREENPRINT_ADMIN (default: deployer) gets DEFAULT_ADMIN_ROLE, ARBITER_ROLE and PAUSER_ROLE;
/// GREENPRINT_VERIFIER (optional) is accredited as verifier when the deployer is the admin;
/// parameters as documented in DeployAttestationRegistry.
contract Deploy is
    DeployModelRegistry,
    DeployLeafToken,
    DeployAttestationRegistry,
    DeployEfficiencyBonus,
    DeployCertificateRegistry
{
    /// @notice The deployed contracts.
    struct Deployment {
        ModelRegistry models;
        LeafToken leaf;
        AttestationRegistry attestations;
        EfficiencyBonus bonus;
        CertificateRegistry certificates;
    }

    /// @notice Deploy everything.
    function run() external {
        deploy();
    }

    /// @notice Deploy everything and return the contracts (used by tests).
    /// @return d the deployment
    function deploy() public returns (Deployment memory d) {
        uint256 pk = vm.envOr("DEPLOYER_PRIVATE_KEY", uint256(0));
        if (pk != 0) vm.startBroadcast(pk);
        else vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        address admin = vm.envOr("GREENPRINT_ADMIN", deployer);
        uint64 nonce = vm.getNonce(deployer);
        address predictedAttestations = vm.computeCreateAddress(deployer, nonce + 2);
        address predictedBonus = vm.computeCreateAddress(deployer, nonce + 3);

        d.models = _deployModelRegistry(predictedAttestations);
        d.leaf = _deployLeafToken(predictedAttestations);
        d.attestations = _deployAttestationRegistry(d.models, d.leaf, predictedBonus, admin, _attestationParams(admin));
        d.bonus = _deployEfficiencyBonus(d.attestations, d.models);
        d.certificates = _deployCertificateRegistry(d.attestations, d.models);
        require(address(d.attestations) == predictedAttestations, "Deploy: attestation registry address");
        require(address(d.bonus) == predictedBonus, "Deploy: efficiency bonus address");

        address verifier = vm.envOr("GREENPRINT_VERIFIER", address(0));
        if (verifier != address(0) && admin == deployer) {
            d.attestations.accreditVerifier(verifier, "Local verifier", "");
        }
        vm.stopBroadcast();
    }
}
