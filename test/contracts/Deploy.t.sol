// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ARBITER_ROLE, PAUSER_ROLE} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {Deploy} from "../../script/Deploy.s.sol";
import {Test} from "forge-std/Test.sol";

contract DeployTest is Test {
    /// @dev One test only: it sets process-wide environment variables.
    function test_DeployScript() public {
        uint256 pk = 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80;
        address deployer = vm.addr(pk);
        address verifier = makeAddr("localVerifier");
        vm.setEnv("DEPLOYER_PRIVATE_KEY", vm.toString(bytes32(pk)));
        vm.setEnv("GREENPRINT_VERIFIER", vm.toString(verifier));
        vm.setEnv("DISPUTE_BOND", "1000000000000000");
        Deploy script = new Deploy();
        Deploy.Deployment memory d = script.deploy();
        assertEq(d.models.attestationRegistry(), address(d.attestations));
        assertEq(d.leaf.minter(), address(d.attestations));
        assertEq(address(d.attestations.modelRegistry()), address(d.models));
        assertEq(address(d.attestations.leaf()), address(d.leaf));
        assertEq(d.attestations.efficiencyBonus(), address(d.bonus));
        assertEq(address(d.bonus.attestations()), address(d.attestations));
        assertEq(address(d.certificates.attestations()), address(d.attestations));
        assertTrue(d.attestations.hasRole(0x00, deployer));
        assertTrue(d.attestations.hasRole(ARBITER_ROLE, deployer));
        assertTrue(d.attestations.hasRole(PAUSER_ROLE, deployer));
        assertTrue(d.attestations.isVerifier(verifier));
        IAttestationRegistry.Params memory p = d.attestations.getParams();
        assertEq(block.chainid, 31_337);
        assertEq(p.challengeWindow, 60); // local default
        assertEq(p.disputeBond, 0.001 ether); // from env
        assertEq(p.baselineIntensity, 475);
        assertEq(p.methodBps[0], 10_000);
        assertEq(p.methodBps[1], 8000);
        assertEq(p.methodBps[2], 0);
        assertEq(p.verifierBps, 1000);
        assertEq(p.efficiencyBps, 5000);
        assertEq(p.maxRewardPerAttestation, 1_000_000 ether);
        assertEq(p.treasury, deployer);

        // on another chain the SPEC default window applies
        vm.chainId(11_155_111);
        d = script.deploy();
        assertEq(d.attestations.getParams().challengeWindow, 7 days);
        vm.setEnv("DEPLOYER_PRIVATE_KEY", "0");
        vm.setEnv("GREENPRINT_VERIFIER", vm.toString(address(0)));
    }
}
