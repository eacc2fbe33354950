// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {ILeafToken} from "../../contracts/ILeafToken.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {Script} from "forge-std/Script.sol";

/// @notice Deploys the AttestationRegistry (used by script/Deploy.s.sol inside its broadcast).
/// Parameters come from the environment with SPEC defaults:
/// CHALLENGE_WINDOW (s; 7 days, 60 s on chain 31337), DISPUTE_BOND (wei; 0.1 ether), BASELINE_INTENSITY (475),
/// METHOD_BPS_METER (10000), METHOD_BPS_SOFTWARE (8000), METHOD_BPS_ESTIMATE (0), VERIFIER_BPS (1000),
/// EFFICIENCY_BPS (5000), MAX_REWARD_PER_ATTESTATION (wei; 1,000,000 LEAF), TREASURY (the admin).
abstract contract DeployAttestationRegistry is Script {
    /// @notice The parameters read from the environment.
    /// @param admin default treasury
    function _attestationParams(address admin) internal view returns (IAttestationRegistry.Params memory p) {
        uint256 defaultWindow = block.chainid == 31_337 ? 60 : 7 days;
        p.challengeWindow = uint32(vm.envOr("CHALLENGE_WINDOW", defaultWindow));
        p.disputeBond = uint96(vm.envOr("DISPUTE_BOND", uint256(0.1 ether)));
        p.baselineIntensity = uint16(vm.envOr("BASELINE_INTENSITY", uint256(475)));
        p.methodBps[0] = uint16(vm.envOr("METHOD_BPS_METER", uint256(10_000)));
        p.methodBps[1] = uint16(vm.envOr("METHOD_BPS_SOFTWARE", uint256(8000)));
        p.methodBps[2] = uint16(vm.envOr("METHOD_BPS_ESTIMATE", uint256(0)));
        p.verifierBps = uint16(vm.envOr("VERIFIER_BPS", uint256(1000)));
        p.efficiencyBps = uint16(vm.envOr("EFFICIENCY_BPS", uint256(5000)));
        p.maxRewardPerAttestation = uint96(vm.envOr("MAX_REWARD_PER_ATTESTATION", uint256(1_000_000 ether)));
        p.treasury = vm.envOr("TREASURY", admin);
    }

    /// @param models the ModelRegistry
    /// @param leaf the LeafToken
    /// @param bonus the (predicted) EfficiencyBonus address
    /// @param admin receives DEFAULT_ADMIN_ROLE, ARBITER_ROLE and PAUSER_ROLE
    /// @param params the parameters
    function _deployAttestationRegistry(
        IModelRegistry models,
        ILeafToken leaf,
        address bonus,
        address admin,
        IAttestationRegistry.Params memory params
    ) internal returns (AttestationRegistry registry) {
        registry = new AttestationRegistry(models, leaf, bonus, admin, params);
    }
}
