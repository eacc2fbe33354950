// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEfficiencyBonus} from "../../contracts/IEfficiencyBonus.sol";
import {BonusBase} from "./Base.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev The efficiency bonus (SPEC 6, v1.1): payout, cap, disabled, rejection and the arbiter's second look (issue 12
/// L-5), retry delay, pause, and the payout formula.
contract EfficiencyBonusTest is BonusBase {
    function test_EfficiencyBonus() public {
        _prepare(250_000);
        vm.expectEmit(true, true, true, false, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRequested(child, parent, alice);
        _request();
        assertEq(bonus.bonusState(child), 1);
        // (1_000_000 - 250_000) * 475 / 1000 * 5000 / 10000 = 178_125 g = 178.125 LEAF
        uint256 expected = 178_125 * 1e15;
        _tallyBoth();
        vm.expectEmit(true, true, true, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusPaid(child, alice, verifier, 250_000, 1_000_000, expected, expected / 10);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child);
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(verifier), expected / 10);
        assertEq(bonus.bonusState(child), 2);
        assertEq(address(bonus.attestations()), address(reg));
        assertEq(address(bonus.models()), address(models));
    }

    function test_EfficiencyBonusCapped() public {
        vm.prank(admin);
        reg.setMaxRewardPerAttestation(1 ether);
        vm.prank(admin);
        reg.setVerifierBps(0);
        _prepare(1);
        _request();
        _approve();
        assertEq(leaf.balanceOf(alice), 1 ether);
        assertEq(leaf.balanceOf(verifier), 0);
    }

    /// @dev Issue 12 I-3: efficiencyBps = 0 used up the model's only bonus for nothing (v1 paid 0, state 2).
    function test_RevertWhen_EfficiencyBonusDisabled() public {
        vm.prank(admin);
        reg.setEfficiencyBps(0);
        _prepare(1);
        _request();
        _tallyBoth();
        _expectApproveRevert(abi.encodeWithSignature("EfficiencyBonusDisabled()"));
        assertEq(bonus.bonusState(child), 1, "the request stays pending");
        vm.prank(admin);
        reg.setEfficiencyBps(5000);
        _approve();
        assertGt(leaf.balanceOf(alice), 0);
    }

    function test_RejectEfficiencyBonus() public {
        _prepare(250_000);
        _request();
        vm.expectEmit(true, true, false, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRejected(child, verifier, keccak256("not comparable"));
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, keccak256("not comparable"));
        assertEq(bonus.bonusState(child), 0);
        assertEq(bonus.rejectedAt(child), block.timestamp);
        // SPEC 6 (v1.1): the owner may request again after bonusRetryDelay (default 1 day)
        vm.expectRevert(
            abi.encodeWithSignature("EfficiencyBonusRetryTooSoon(uint256,uint256)", child, block.timestamp + 1 days)
        );
        _request();
        vm.warp(block.timestamp + 1 days);
        _request();
        assertEq(bonus.bonusState(child), 1);
    }

    // ------------------------------------------------------------ issue 12 L-5: a rejection is not final

    function _rejected() internal {
        _prepare(250_000);
        _request();
        vm.prank(verifier2);
        bonus.rejectEfficiencyBonus(child, keccak256("front-run"));
    }

    function test_ArbiterApprovesRejectedRequest() public {
        _rejected();
        _tallyBoth();
        uint256 expected = 178_125 * 1e15;
        vm.expectEmit(true, true, true, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusPaid(child, alice, arbiter, 250_000, 1_000_000, expected, 0);
        // v1: EfficiencyBonusNotVerifier, and a verifier could only wait for a request the rejecter rejects again
        vm.prank(arbiter);
        bonus.approveEfficiencyBonus(child);
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(arbiter), 0, "an arbiter's ruling earns no verifier share");
        assertEq(bonus.bonusState(child), 2);
    }

    function test_ArbiterApprovesPendingRequest() public {
        _prepare(250_000);
        _request();
        _tallyBoth();
        vm.prank(arbiter);
        bonus.approveEfficiencyBonus(child);
        assertEq(bonus.bonusState(child), 2);
    }

    function test_RevertWhen_ArbiterApprovesUnrequested() public {
        _prepare(250_000);
        _tallyBoth();
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
        vm.prank(arbiter);
        bonus.approveEfficiencyBonus(child);
    }

    function test_RevertWhen_VerifierApprovesRejected() public {
        _rejected();
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
    }

    function test_SetRetryDelay() public {
        vm.expectEmit(address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRetryDelaySet(1 days, 0);
        vm.prank(admin);
        bonus.setRetryDelay(0);
        assertEq(bonus.retryDelay(), 0);
        _rejected();
        _request(); // no wait
        assertEq(bonus.bonusState(child), 1);
    }

    function test_RevertWhen_SetRetryDelayNotAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, bytes32(0))
        );
        vm.prank(alice);
        bonus.setRetryDelay(0);
    }

    function test_RevertWhen_SetRetryDelayOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusRetryDelayOutOfRange.selector, 31 days));
        vm.prank(admin);
        bonus.setRetryDelay(31 days);
    }

    function test_RevertWhen_RejectBonusNotRequested() public {
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, bytes32(0));
    }

    function test_RevertWhen_BonusPaused() public {
        _prepare(250_000);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IEfficiencyBonus.EfficiencyBonusPaused.selector);
        _request();
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusPaused.selector));
        vm.expectRevert(IEfficiencyBonus.EfficiencyBonusPaused.selector);
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, bytes32(0));
    }

    function testFuzz_EfficiencyBonusFormula(uint64 e, uint64 ep, uint16 baseline, uint16 effBps) public {
        ep = uint64(bound(ep, 2, type(uint64).max / 4));
        e = uint64(bound(e, 1, ep - 1));
        baseline = uint16(bound(baseline, 1, 2000));
        effBps = uint16(bound(effBps, 1, 10_000));
        vm.startPrank(admin);
        reg.setBaselineIntensity(baseline);
        reg.setEfficiencyBps(effBps);
        vm.stopPrank();
        parentRuns.push(_run(parent, uint64(T0 - 30 days), ep));
        childRuns.push(_run(child, uint64(T0 - 20 days), e));
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
        _request();
        _approve();
        uint256 g = (uint256(ep) - e) * baseline / 1000 * effBps / 10_000;
        uint256 expected = g * 1e18 / 1000;
        if (expected > 1_000_000 ether) expected = 1_000_000 ether;
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(verifier), expected * 1000 / 10_000);
    }
}
