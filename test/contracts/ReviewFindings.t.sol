// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Method, Status, VERIFIER_ROLE} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {OneModelBase} from "./Base.t.sol";

/// @dev Regression tests of issue 12 (protocol v1.1) for the attestation and model registries. Each test failed
/// on the v1 contracts. Errors added in v1.1 are encoded by signature so that the tests also compile against v1.
/// Here: M-1 (pause-free window), I-1 to I-5; freed periods and evidence in the ReviewFindings*.t.sol beside it.
contract ReviewFindingsTest is OneModelBase {
    // ------------------------------------------------------------ M-1 the window does not run while paused

    function test_PauseFreezesChallengeWindow() public {
        (bytes32 id,) = _verified();
        vm.warp(block.timestamp + WINDOW - 1);
        _pause();
        vm.warp(block.timestamp + 30 days);
        // v1: Final here, though nobody could dispute during the pause
        assertEq(uint8(_status(id)), uint8(Status.Verified), "Final during a pause");
        _unpause();
        assertEq(uint8(_status(id)), uint8(Status.Verified));
        _dispute(id);
        assertEq(reg.getAttestation(id).remainingWindow, 1, "the second left before the pause");
    }

    function testFuzz_PauseExtendsWindow(uint256 before, uint256 pausedFor, uint256 after_) public {
        before = bound(before, 0, WINDOW - 1);
        pausedFor = bound(pausedFor, 1, 365 days);
        (bytes32 id,) = _verified();
        uint256 verifiedAt = block.timestamp;
        vm.warp(block.timestamp + before);
        _pause();
        vm.warp(block.timestamp + pausedFor);
        assertEq(reg.getAttestation(id).finalAt, verifiedAt + WINDOW + pausedFor, "finalAt while paused");
        _unpause();
        uint256 finalAt = verifiedAt + WINDOW + pausedFor;
        assertEq(reg.getAttestation(id).finalAt, finalAt, "finalAt after the pause");
        after_ = bound(after_, block.timestamp, finalAt + 1 days);
        vm.warp(after_);
        assertEq(uint8(_status(id)), uint8(after_ >= finalAt ? Status.Final : Status.Verified));
    }

    function test_PauseWhilePausedKeepsFirstStart() public {
        (bytes32 id,) = _verified();
        _pause();
        vm.warp(block.timestamp + 1 days);
        _pause(); // a second pause call must not restart the pause clock
        vm.warp(block.timestamp + 1 days);
        _unpause();
        _unpause(); // nor may an unpause while running count anything
        assertEq(reg.getAttestation(id).finalAt, T0 + WINDOW + 2 days);
    }

    function test_DismissedDisputeResumesOnPauseFreeClock() public {
        (bytes32 id,) = _verified();
        _pause();
        vm.warp(block.timestamp + 3 days);
        _unpause();
        vm.warp(block.timestamp + 2 days); // 5 days of window left
        _dispute(id);
        assertEq(reg.getAttestation(id).remainingWindow, WINDOW - 2 days);
        vm.warp(block.timestamp + 10 days);
        vm.prank(arbiter);
        reg.dismissDispute(id, bytes32(0));
        assertEq(reg.getAttestation(id).finalAt, block.timestamp + WINDOW - 2 days);
        vm.warp(block.timestamp + WINDOW - 2 days - 1);
        assertEq(uint8(_status(id)), uint8(Status.Verified));
        vm.warp(block.timestamp + 1);
        assertEq(uint8(_status(id)), uint8(Status.Final));
    }

    function test_RevertWhen_DisputeAfterPauseExtendedWindow() public {
        (bytes32 id,) = _verified();
        _pause();
        vm.warp(block.timestamp + 1 days);
        _unpause();
        vm.warp(T0 + WINDOW + 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryChallengeWindowClosed.selector, id, uint64(T0 + WINDOW + 1 days)
            )
        );
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
    }

    // ------------------------------------------------------------ I-1 no verifier without a verdict

    /// @dev A submitter whose address ends in the index of a verifier (1).
    function _craftedOwner() internal returns (address crafted) {
        crafted = address(uint160(0xC0FFEE) << 128 | 1);
        vm.prank(alice);
        models.transferFrom(alice, crafted, m);
    }

    function test_VerifierEmptyWhenWithdrawn() public {
        address crafted = _craftedOwner();
        bytes32 id = _submit(crafted, _att(m));
        vm.prank(crafted);
        reg.withdraw(id);
        assertEq(reg.getAttestation(id).verifier, address(0), "nobody verified it");
    }

    function test_VerifierEmptyWhenSupersededUnverified() public {
        address crafted = _craftedOwner();
        Attestation memory p = _att(m);
        bytes32 pid = _submit(crafted, p);
        Attestation memory c = _copy(p);
        c.energyWh = 2;
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _submit(crafted, c);
        vm.prank(verifier2);
        reg.verify(cid);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
        assertEq(reg.getAttestation(pid).verifier, address(0), "superseded while Submitted");
        assertEq(reg.getAttestation(cid).verifier, verifier2);
    }

    function test_VerifierShownWhenRejected() public {
        bytes32 id = _submit(alice, _att(m));
        vm.prank(verifier2);
        reg.reject(id, bytes32(0));
        assertEq(reg.getAttestation(id).verifier, verifier2);
        assertEq(reg.getAttestation(id).finalAt, 0);
    }

    // ------------------------------------------------------------ I-2 a revoked verifier is not paid

    function test_RevokedVerifierNotPaidAtClaim() public {
        (, Attestation memory a) = _verified();
        vm.warp(block.timestamp + WINDOW);
        vm.prank(admin);
        reg.revokeRole(VERIFIER_ROLE, verifier);
        vm.prank(alice);
        (uint256 reward, uint256 verifierReward) = reg.claimReward(a);
        assertEq(reward, _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, 475));
        assertEq(verifierReward, 0, "revoked verifier paid");
        assertEq(leaf.balanceOf(verifier), 0);
        assertEq(leaf.totalSupply(), reward);
    }

    function test_ReaccreditedVerifierPaidAgain() public {
        (, Attestation memory a) = _verified();
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(admin);
        reg.revokeRole(VERIFIER_ROLE, verifier);
        reg.accreditVerifier(verifier, "Verifier One", "https://v1.example");
        vm.stopPrank();
        vm.prank(alice);
        (uint256 reward, uint256 verifierReward) = reg.claimReward(a);
        assertEq(verifierReward, reward / 10);
    }

    // ------------------------------------------------------------ I-3 reward parameters fixed at verification

    function testFuzz_RewardParamsFixedAtVerification(
        uint16 baseline,
        uint16 meterBps,
        uint16 verifierBps,
        uint96 cap,
        uint64 energy
    ) public {
        baseline = uint16(bound(baseline, 1, 2000));
        meterBps = uint16(bound(meterBps, 0, 10_000));
        verifierBps = uint16(bound(verifierBps, 0, 5000));
        cap = uint96(bound(cap, 1e18, 1e27));
        Attestation memory a = _att(m);
        a.energyWh = uint64(bound(energy, 1, 1e15));
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.startPrank(admin);
        reg.setBaselineIntensity(baseline);
        reg.setMethodBps(Method.METER, meterBps);
        reg.setVerifierBps(verifierBps);
        reg.setMaxRewardPerAttestation(cap);
        vm.stopPrank();
        vm.warp(block.timestamp + WINDOW);
        uint256 expected = _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, 475);
        vm.prank(alice);
        (uint256 reward, uint256 verifierReward) = reg.claimReward(a);
        assertEq(reward, expected, "owner reward under the verification-time parameters");
        assertEq(verifierReward, expected * 1000 / 10_000, "verifier share under the verification-time bps");
    }

    function test_RewardParamsOfLaterVerification() public {
        vm.prank(admin);
        reg.setMethodBps(Method.METER, 5000);
        (, Attestation memory a) = _verified();
        vm.prank(admin);
        reg.setMethodBps(Method.METER, 10_000); // after verification: no effect on it
        vm.warp(block.timestamp + WINDOW);
        vm.prank(alice);
        (uint256 reward,) = reg.claimReward(a);
        assertEq(reward, _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, 475) / 2);
    }

    function test_SubmitVerifiedUsesEpochInForce() public {
        vm.prank(admin);
        reg.setBaselineIntensity(600);
        Attestation memory a = _att(m);
        bytes memory sig = _verifiedSig(verifierPk, a, 0, block.timestamp);
        vm.prank(alice);
        reg.submitVerified(a, verifier, 0, block.timestamp, sig);
        vm.prank(admin);
        reg.setBaselineIntensity(100);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(alice);
        (uint256 reward,) = reg.claimReward(a);
        assertEq(reward, _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, 600));
    }

    // ------------------------------------------------------------ I-4 model NFT approvals pause too

    function test_RevertWhen_ApproveWhilePaused() public {
        _pause();
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        vm.prank(alice);
        models.approve(bob, m);
    }

    function test_RevertWhen_SetApprovalForAllWhilePaused() public {
        _pause();
        vm.expectRevert(IModelRegistry.ModelRegistryPaused.selector);
        vm.prank(alice);
        models.setApprovalForAll(bob, true);
    }

    function test_ApprovalsAfterUnpause() public {
        _pause();
        _unpause();
        vm.startPrank(alice);
        models.approve(bob, m);
        models.setApprovalForAll(bob, true);
        vm.stopPrank();
        assertEq(models.getApproved(m), bob);
        assertTrue(models.isApprovedForAll(alice, bob));
    }

    // ------------------------------------------------------------ I-5 the treasury cannot dispute for free

    function test_RevertWhen_TreasuryDisputes() public {
        (bytes32 id,) = _verified();
        vm.deal(treasury, BOND);
        vm.expectRevert(abi.encodeWithSignature("AttestationRegistryTreasuryCannotDispute(address)", treasury));
        vm.prank(treasury);
        reg.dispute{value: BOND}(id, "");
    }
}
