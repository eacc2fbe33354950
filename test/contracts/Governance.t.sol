// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {Method, PAUSER_ROLE, VERIFIER_ROLE} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {ILeafToken} from "../../contracts/ILeafToken.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {LeafToken} from "../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {Base} from "./Base.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract GovernanceTest is Base {
    bytes32 internal constant ADMIN = 0x00;

    function _unauthorized(address who, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role);
    }

    function _outOfRange(bytes32 name, uint256 value) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryParameterOutOfRange.selector, name, value);
    }

    // ------------------------------------------------------------ constructor

    function test_ConstructorEmitsAndGrants() public view {
        assertTrue(reg.hasRole(ADMIN, admin));
        assertTrue(reg.hasRole(keccak256("ARBITER_ROLE"), admin));
        assertTrue(reg.hasRole(PAUSER_ROLE, admin));
        assertEq(leaf.minter(), address(reg));
        assertEq(models.attestationRegistry(), address(reg));
        assertEq(reg.VERIFIER_ROLE(), VERIFIER_ROLE);
        assertEq(reg.ARBITER_ROLE(), keccak256("ARBITER_ROLE"));
        assertEq(reg.PAUSER_ROLE(), PAUSER_ROLE);
    }

    function test_RevertWhen_ConstructorZeroAdmin() public {
        vm.expectRevert(IAttestationRegistry.AttestationRegistryZeroAddress.selector);
        new AttestationRegistry(models, leaf, address(1), address(0), _params());
    }

    function test_RevertWhen_ConstructorZeroBonus() public {
        vm.expectRevert(IAttestationRegistry.AttestationRegistryZeroAddress.selector);
        new AttestationRegistry(models, leaf, address(0), admin, _params());
    }

    function test_RevertWhen_ConstructorWrongMinter() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongMinter.selector, address(reg))
        );
        new AttestationRegistry(models, leaf, address(1), admin, _params());
    }

    function test_RevertWhen_ConstructorWrongModelRegistry() public {
        address predicted = vm.computeCreateAddress(address(this), vm.getNonce(address(this)) + 1);
        LeafToken leaf2 = new LeafToken(predicted);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongModelRegistry.selector, address(reg))
        );
        new AttestationRegistry(models, leaf2, address(1), admin, _params());
    }

    function test_RevertWhen_ConstructorBadParams() public {
        address predicted = vm.computeCreateAddress(address(this), vm.getNonce(address(this)) + 2);
        ModelRegistry models2 = new ModelRegistry(predicted);
        LeafToken leaf2 = new LeafToken(predicted);
        IAttestationRegistry.Params memory p = _params();
        p.challengeWindow = 59;
        vm.expectRevert(_outOfRange("challengeWindow", 59));
        new AttestationRegistry(models2, leaf2, address(1), admin, p);
    }

    function test_RevertWhen_LeafZeroMinter() public {
        vm.expectRevert(ILeafToken.LeafTokenZeroMinter.selector);
        new LeafToken(address(0));
    }

    // ------------------------------------------------------------ parameters

    function test_SetChallengeWindow() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("challengeWindow", WINDOW, 1 days);
        vm.prank(admin);
        reg.setChallengeWindow(1 days);
        assertEq(reg.getParams().challengeWindow, 1 days);
    }

    function test_RevertWhen_SetChallengeWindowOutOfRange() public {
        vm.startPrank(admin);
        vm.expectRevert(_outOfRange("challengeWindow", 59));
        reg.setChallengeWindow(59);
        vm.expectRevert(_outOfRange("challengeWindow", 90 days + 1));
        reg.setChallengeWindow(90 days + 1);
        vm.stopPrank();
    }

    function test_SetDisputeBond() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("disputeBond", BOND, 1 ether);
        vm.prank(admin);
        reg.setDisputeBond(1 ether);
        assertEq(reg.getParams().disputeBond, 1 ether);
    }

    function test_RevertWhen_SetDisputeBondOutOfRange() public {
        vm.startPrank(admin);
        vm.expectRevert(_outOfRange("disputeBond", 0));
        reg.setDisputeBond(0);
        vm.expectRevert(_outOfRange("disputeBond", 1000 ether + 1));
        reg.setDisputeBond(1000 ether + 1);
        vm.stopPrank();
    }

    function test_SetBaselineIntensity() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("baselineIntensity", 475, 500);
        vm.prank(admin);
        reg.setBaselineIntensity(500);
        assertEq(reg.getParams().baselineIntensity, 500);
    }

    function test_RevertWhen_SetBaselineIntensityOutOfRange() public {
        vm.startPrank(admin);
        vm.expectRevert(_outOfRange("baselineIntensity", 0));
        reg.setBaselineIntensity(0);
        vm.expectRevert(_outOfRange("baselineIntensity", 2001));
        reg.setBaselineIntensity(2001);
        vm.stopPrank();
    }

    function test_SetMethodBps() public {
        vm.startPrank(admin);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("methodBps.METER", 10_000, 9000);
        reg.setMethodBps(Method.METER, 9000);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("methodBps.SOFTWARE", 8000, 7000);
        reg.setMethodBps(Method.SOFTWARE, 7000);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("methodBps.ESTIMATE", 0, 100);
        reg.setMethodBps(Method.ESTIMATE, 100);
        vm.stopPrank();
        IAttestationRegistry.Params memory p = reg.getParams();
        assertEq(p.methodBps[0], 9000);
        assertEq(p.methodBps[1], 7000);
        assertEq(p.methodBps[2], 100);
    }

    function test_RevertWhen_SetMethodBpsOutOfRange() public {
        vm.startPrank(admin);
        vm.expectRevert(_outOfRange("methodBps.METER", 10_001));
        reg.setMethodBps(Method.METER, 10_001);
        vm.expectRevert(_outOfRange("methodBps.SOFTWARE", 10_001));
        reg.setMethodBps(Method.SOFTWARE, 10_001);
        vm.expectRevert(_outOfRange("methodBps.ESTIMATE", 10_001));
        reg.setMethodBps(Method.ESTIMATE, 10_001);
        vm.stopPrank();
    }

    function test_SetVerifierBps() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("verifierBps", 1000, 2000);
        vm.prank(admin);
        reg.setVerifierBps(2000);
        assertEq(reg.getParams().verifierBps, 2000);
    }

    function test_RevertWhen_SetVerifierBpsOutOfRange() public {
        vm.expectRevert(_outOfRange("verifierBps", 5001));
        vm.prank(admin);
        reg.setVerifierBps(5001);
    }

    function test_SetEfficiencyBps() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("efficiencyBps", 5000, 10_000);
        vm.prank(admin);
        reg.setEfficiencyBps(10_000);
        assertEq(reg.getParams().efficiencyBps, 10_000);
    }

    function test_RevertWhen_SetEfficiencyBpsOutOfRange() public {
        vm.expectRevert(_outOfRange("efficiencyBps", 10_001));
        vm.prank(admin);
        reg.setEfficiencyBps(10_001);
    }

    function test_SetMaxReward() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.ParameterSet("maxRewardPerAttestation", 1_000_000 ether, 5 ether);
        vm.prank(admin);
        reg.setMaxRewardPerAttestation(5 ether);
        assertEq(reg.getParams().maxRewardPerAttestation, 5 ether);
    }

    function test_RevertWhen_SetMaxRewardOutOfRange() public {
        vm.startPrank(admin);
        vm.expectRevert(_outOfRange("maxRewardPerAttestation", 1e18 - 1));
        reg.setMaxRewardPerAttestation(1e18 - 1);
        vm.expectRevert(_outOfRange("maxRewardPerAttestation", 1e27 + 1));
        reg.setMaxRewardPerAttestation(1e27 + 1);
        vm.stopPrank();
    }

    function test_SetTreasury() public {
        vm.expectEmit(true, true, false, false, address(reg));
        emit IAttestationRegistry.TreasurySet(treasury, bob);
        vm.prank(admin);
        reg.setTreasury(bob);
        assertEq(reg.getParams().treasury, bob);
    }

    function test_RevertWhen_SetTreasuryZero() public {
        vm.expectRevert(IAttestationRegistry.AttestationRegistryZeroAddress.selector);
        vm.prank(admin);
        reg.setTreasury(address(0));
    }

    function test_RevertWhen_SettersNotAdmin() public {
        vm.startPrank(bob);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setChallengeWindow(1 days);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setDisputeBond(1);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setBaselineIntensity(1);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setMethodBps(Method.METER, 1);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setVerifierBps(1);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setEfficiencyBps(1);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setMaxRewardPerAttestation(1e18);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.setTreasury(bob);
        vm.expectRevert(_unauthorized(bob, ADMIN));
        reg.accreditVerifier(bob, "", "");
        vm.expectRevert(_unauthorized(bob, PAUSER_ROLE));
        reg.pause();
        vm.expectRevert(_unauthorized(bob, PAUSER_ROLE));
        reg.unpause();
        vm.stopPrank();
    }

    // ------------------------------------------------------------ verifiers

    function test_AccreditVerifier() public {
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.VerifierProfileSet(bob, 3, "Bob Audits", "https://bob.example");
        vm.prank(admin);
        reg.accreditVerifier(bob, "Bob Audits", "https://bob.example");
        assertTrue(reg.isVerifier(bob));
        assertTrue(reg.hasRole(VERIFIER_ROLE, bob));
        (bool active, uint32 index, uint64 invalidated) = reg.verifierRecord(bob);
        assertTrue(active);
        assertEq(index, 3);
        assertEq(invalidated, 0);
        // revoke and re-accredit keeps the index
        vm.startPrank(admin);
        reg.revokeRole(VERIFIER_ROLE, bob);
        assertFalse(reg.isVerifier(bob));
        reg.grantRole(VERIFIER_ROLE, bob);
        vm.stopPrank();
        (active, index,) = reg.verifierRecord(bob);
        assertTrue(active);
        assertEq(index, 3);
    }

    function test_RevokeOtherRoleKeepsVerifier() public {
        vm.startPrank(admin);
        reg.grantRole(PAUSER_ROLE, verifier);
        reg.revokeRole(PAUSER_ROLE, verifier);
        reg.revokeRole(VERIFIER_ROLE, bob); // not held: no-op
        vm.stopPrank();
        assertTrue(reg.isVerifier(verifier));
    }

    function test_RevertWhen_AccreditZero() public {
        vm.expectRevert(IAttestationRegistry.AttestationRegistryZeroAddress.selector);
        vm.prank(admin);
        reg.accreditVerifier(address(0), "", "");
    }

    function test_UpdateVerifierProfile() public {
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.VerifierProfileSet(verifier, 1, "New name", "https://new.example");
        vm.prank(verifier);
        reg.updateVerifierProfile("New name", "https://new.example");
    }

    function test_RevertWhen_UpdateVerifierProfileNotVerifier() public {
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, bob));
        vm.prank(bob);
        reg.updateVerifierProfile("x", "y");
    }

    function test_RevertWhen_UpdateVerifierProfilePaused() public {
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(verifier);
        reg.updateVerifierProfile("x", "y");
    }

    // ------------------------------------------------------------ pause

    function test_PauseCascades() public {
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.PauseSet(pauser, true);
        vm.prank(pauser);
        reg.pause();
        assertTrue(reg.paused());
        assertTrue(models.paused());
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        vm.prank(alice);
        models.registerModel("x", keccak256("x"), 0, 1);
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.PauseSet(pauser, false);
        vm.prank(pauser);
        reg.unpause();
        assertFalse(reg.paused());
        assertFalse(models.paused());
        _register(alice);
    }

    function test_RevertWhen_MintEfficiencyBonusNotBonus() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotEfficiencyBonus.selector, bob)
        );
        vm.prank(bob);
        reg.mintEfficiencyBonus(bob, 1, bob, 1);
    }

    // ------------------------------------------------------------ LEAF

    function test_LeafMetadata() public view {
        assertEq(leaf.name(), "Greenprint LEAF");
        assertEq(leaf.symbol(), "LEAF");
        assertEq(leaf.decimals(), 18);
    }

    function test_RevertWhen_LeafMintNotMinter() public {
        vm.expectRevert(abi.encodeWithSelector(ILeafToken.LeafTokenNotMinter.selector, bob));
        vm.prank(bob);
        leaf.mint(bob, 1);
    }

    function test_LeafPermit() public {
        vm.prank(address(reg));
        leaf.mint(alice, 10 ether);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                alice,
                bob,
                3 ether,
                leaf.nonces(alice),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", leaf.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, digest);
        leaf.permit(alice, bob, 3 ether, deadline, v, r, s);
        assertEq(leaf.allowance(alice, bob), 3 ether);
        vm.prank(bob);
        leaf.transferFrom(alice, bob, 3 ether);
        assertEq(leaf.balanceOf(bob), 3 ether);
    }
}
