// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method, Status, VERIFIER_ROLE} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {Base} from "./Base.t.sol";

/// @dev Regression tests of issue 12 (protocol v1.1) for the attestation and model registries. Each test failed
/// on the v1 contracts. Errors added in v1.1 are encoded by signature so that the tests also compile against v1.
contract ReviewFindingsTest is Base {
    uint256 internal model;

    function setUp() public override {
        super.setUp();
        model = _register(alice);
    }

    function _verified() internal returns (bytes32 id, Attestation memory a) {
        a = _att(model);
        id = _submit(alice, a);
        _verify(id);
    }

    function _pause() internal {
        vm.prank(pauser);
        reg.pause();
    }

    function _unpause() internal {
        vm.prank(pauser);
        reg.unpause();
    }

    function _dispute(bytes32 id) internal {
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "ipfs://reason");
    }

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
        models.transferFrom(alice, crafted, model);
    }

    function test_VerifierEmptyWhenWithdrawn() public {
        address crafted = _craftedOwner();
        bytes32 id = _submit(crafted, _att(model));
        vm.prank(crafted);
        reg.withdraw(id);
        assertEq(reg.getAttestation(id).verifier, address(0), "nobody verified it");
    }

    function test_VerifierEmptyWhenSupersededUnverified() public {
        address crafted = _craftedOwner();
        Attestation memory p = _att(model);
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
        bytes32 id = _submit(alice, _att(model));
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
        Attestation memory a = _att(model);
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
        Attestation memory a = _att(model);
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
        models.approve(bob, model);
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
        models.approve(bob, model);
        models.setApprovalForAll(bob, true);
        vm.stopPrank();
        assertEq(models.getApproved(model), bob);
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

    // ------------------------------------------------------------ L-2 a rejected correction frees its extension

    function _extendingCorrection() internal returns (Attestation memory p, Attestation memory c, bytes32 cid) {
        p = _att(model, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        _verify(pid);
        c = _copy(p);
        c.periodEnd = uint64(T0 - 1 days);
        c.supersedes = pid;
        _newEvidence(c);
        cid = _submit(alice, c);
        (uint64[3] memory latest,) = reg.modelCursor(model);
        assertEq(latest[uint8(Kind.INFERENCE)], T0 - 1 days);
    }

    function test_RejectedCorrectionFreesExtension() public {
        (Attestation memory p,, bytes32 cid) = _extendingCorrection();
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        (uint64[3] memory latest,) = reg.modelCursor(model);
        assertEq(latest[uint8(Kind.INFERENCE)], p.periodEnd, "frontier back at the predecessor's end");
        // the extension can be attested again (v1: PeriodOverlap)
        _submit(alice, _att(model, Kind.INFERENCE, p.periodEnd, uint64(T0 - 1 days)));
    }

    function test_WithdrawnCorrectionFreesExtension() public {
        (Attestation memory p,, bytes32 cid) = _extendingCorrection();
        vm.prank(alice);
        reg.withdraw(cid);
        _submit(alice, _att(model, Kind.INFERENCE, p.periodEnd, uint64(T0 - 1 days)));
    }

    function test_RevertWhen_ReusingPredecessorPeriodAfterRejectedCorrection() public {
        (Attestation memory p,, bytes32 cid) = _extendingCorrection();
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        // the predecessor keeps its own period
        Attestation memory overlapping = _att(model, Kind.INFERENCE, p.periodEnd - 1, uint64(T0 - 1 days));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryPeriodOverlap.selector, p.periodEnd - 1, p.periodEnd
            )
        );
        vm.prank(alice);
        reg.submit(overlapping);
    }

    function test_RejectedCorrectionNotLatestKeepsFrontier() public {
        (,, bytes32 cid) = _extendingCorrection();
        // a later attestation moved the frontier on: the rejected correction's extension is covered by it
        Attestation memory later = _att(model, Kind.INFERENCE, uint64(T0 - 1 days), uint64(T0 - 1 hours));
        _submit(alice, later);
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        (uint64[3] memory latest,) = reg.modelCursor(model);
        assertEq(latest[uint8(Kind.INFERENCE)], later.periodEnd);
    }

    function test_RejectedPretrainingCorrectionFreesExtension() public {
        Attestation memory p = _att(model, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _copy(p);
        c.periodEnd = uint64(T0 - 1 days);
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        (uint64[3] memory latest, uint16 live) = reg.modelCursor(model);
        assertEq(latest[uint8(Kind.PRETRAINING)], p.periodEnd);
        assertEq(live, 1, "the predecessor is still live");
    }

    // ------------------------------------------------------------ SPEC 4 (v1.1) freed periods

    /// @dev An INFERENCE attestation of [T0 - 3 days, T0 - 2 days], the latest of its kind, Submitted.
    function _latest() internal returns (Attestation memory a, bytes32 id) {
        a = _att(model, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days));
        id = _submit(alice, a);
    }

    /// @dev The same period with other fields (another evidence document): a new attestation, not the same id.
    function _again(Attestation memory a) internal pure returns (Attestation memory b) {
        b = _copy(a);
        b.energyWh = a.energyWh / 2;
        b.supersedes = bytes32(0);
        _newEvidence(b);
    }

    function _frontier(Kind kind) internal view returns (uint64) {
        (uint64[3] memory latest,) = reg.modelCursor(model);
        return latest[uint8(kind)];
    }

    /// @dev The frontier is back at the freed attestation's start and its period is attested and verified again.
    function _assertPeriodFreed(Attestation memory a) internal {
        assertEq(_frontier(a.kind), a.periodStart, "frontier back at the start");
        // v1.1 before this fix: AttestationRegistryPeriodOverlap(start, end)
        bytes32 again = _submit(alice, _again(a));
        _verify(again);
        assertEq(uint8(_status(again)), uint8(Status.Verified));
        assertEq(_frontier(a.kind), a.periodEnd);
    }

    function test_RejectedAttestationFreesItsPeriod() public {
        (Attestation memory a, bytes32 id) = _latest();
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        _assertPeriodFreed(a);
    }

    function test_WithdrawnAttestationFreesItsPeriod() public {
        (Attestation memory a, bytes32 id) = _latest();
        vm.prank(alice);
        reg.withdraw(id);
        _assertPeriodFreed(a);
    }

    function test_UpheldDisputeFreesItsPeriod() public {
        Attestation memory a = _att(model, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 id = _submit(alice, a);
        _verify(id);
        _dispute(id);
        vm.prank(arbiter);
        reg.upholdDispute(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(model);
        assertEq(live, 0, "no live PRETRAINING run");
        _assertPeriodFreed(a);
    }

    /// @dev SPEC 5 (v1.1): the arbiter invalidates a revoked verifier's unreviewed verdict; its period is freed too.
    function test_InvalidatedUnreviewedFreesItsPeriod() public {
        Attestation memory a = _att(model, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.prank(admin);
        reg.revokeRole(VERIFIER_ROLE, verifier);
        vm.prank(arbiter);
        reg.invalidateUnreviewed(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(model);
        assertEq(live, 0, "no live PRETRAINING run");
        vm.prank(admin);
        reg.accreditVerifier(verifier, "Verifier One", "");
        _assertPeriodFreed(a);
    }

    function test_RejectedPretrainingFreesPeriodAndLiveCount() public {
        Attestation memory a = _att(model, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 id = _submit(alice, a);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(model);
        assertEq(live, 0);
        _assertPeriodFreed(a);
    }

    /// @dev Freed periods give the frontier back one by one, latest first.
    function test_FreedPeriodsCascadeFromTheLatest() public {
        (Attestation memory a, bytes32 id) = _latest();
        Attestation memory b = _att(model, Kind.INFERENCE, a.periodEnd, uint64(T0 - 1 days));
        bytes32 bid = _submit(alice, b);
        vm.startPrank(verifier);
        reg.reject(bid, bytes32(0));
        assertEq(_frontier(Kind.INFERENCE), a.periodEnd);
        reg.reject(id, bytes32(0));
        vm.stopPrank();
        assertEq(_frontier(Kind.INFERENCE), a.periodStart);
    }

    /// @dev Limit: an attestation that is not the latest of its kind leaves a hole the frontier cannot express;
    /// a rejected one can still be covered by a correction superseding it.
    function test_RejectedAttestationNotLatestKeepsFrontier() public {
        (Attestation memory a, bytes32 id) = _latest();
        Attestation memory b = _att(model, Kind.INFERENCE, a.periodEnd, uint64(T0 - 1 days));
        _submit(alice, b);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        assertEq(_frontier(Kind.INFERENCE), b.periodEnd, "the later attestation keeps the frontier");
        Attestation memory overlapping = _again(a);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryPeriodOverlap.selector, a.periodStart, b.periodEnd
            )
        );
        vm.prank(alice);
        reg.submit(overlapping);
        Attestation memory c = _again(a);
        c.supersedes = id;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        _verify(cid);
        assertEq(uint8(_status(id)), uint8(Status.Superseded));
    }

    /// @dev A rejected attestation whose period was freed can no longer be superseded: a correction of it would
    /// claim the period a second time beside the new attestation of it.
    function test_RevertWhen_FreedRejectedAttestationCorrected() public {
        (Attestation memory a, bytes32 id) = _latest();
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        Attestation memory c = _again(a);
        c.supersedes = id;
        _newEvidence(c);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotSupersedable.selector, id, Status.Rejected
            )
        );
        vm.prank(alice);
        reg.submit(c);
    }

    /// @dev A correction pending when its predecessor is rejected (and freed) can no longer be verified.
    function test_RevertWhen_CorrectionOfFreedPeriodVerified() public {
        (Attestation memory a, bytes32 id) = _latest();
        Attestation memory c = _again(a);
        c.supersedes = id;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        bytes32 again = _submit(alice, _again(a));
        _verify(again);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotSupersedable.selector, id, Status.Rejected
            )
        );
        vm.prank(verifier);
        reg.verify(cid);
    }

    /// @dev An invalidated correction frees only its extension: its predecessor is Superseded, but was verified
    /// (and here paid), so its period stays consumed.
    function test_InvalidatedCorrectionFreesOnlyItsExtension() public {
        (Attestation memory p, Attestation memory c, bytes32 cid) = _extendingCorrection();
        _verify(cid);
        _dispute(cid);
        vm.prank(arbiter);
        reg.upholdDispute(cid, bytes32(0));
        assertEq(_frontier(Kind.INFERENCE), p.periodEnd, "frontier back at the predecessor's end");
        Attestation memory overlapping = _again(p);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryPeriodOverlap.selector, p.periodStart, p.periodEnd
            )
        );
        vm.prank(alice);
        reg.submit(overlapping);
        _submit(alice, _att(model, Kind.INFERENCE, p.periodEnd, c.periodEnd));
    }

    // ------------------------------------------------------------ L-4 one evidence document backs one attestation

    function _usedError(bytes32 evidence, bytes32 by) internal pure returns (bytes memory) {
        return abi.encodeWithSignature("AttestationRegistryEvidenceAlreadyUsed(bytes32,bytes32)", evidence, by);
    }

    /// @dev The same measured period is the same evidence: same document, under the three kinds and another model.
    function _sameMeteredPeriod(uint256 modelId, Kind kind) internal pure returns (Attestation memory a) {
        a = _att(modelId, kind, uint64(T0 - 10 days), uint64(T0 - 9 days));
        a.evidenceHash = sha256("one PDU export of one metered period");
    }

    /// @dev L-4: v1 paid one metered period with one evidence document four times, as PRETRAINING, FINETUNING and
    /// INFERENCE of a model and once more under a second model of the same owner. Each copy is refused now.
    function test_RevertWhen_EvidenceReusedUnderOtherKindsAndModels() public {
        uint256 other = _register(alice);
        Attestation memory first = _sameMeteredPeriod(model, Kind.PRETRAINING);
        bytes32 id = _final(alice, first);
        vm.prank(alice);
        (uint256 paid,) = reg.claimReward(first);
        assertGt(paid, 0);
        Attestation[3] memory copies = [
            _sameMeteredPeriod(model, Kind.FINETUNING),
            _sameMeteredPeriod(model, Kind.INFERENCE),
            _sameMeteredPeriod(other, Kind.PRETRAINING)
        ];
        for (uint256 i; i < copies.length; ++i) {
            vm.expectRevert(_usedError(first.evidenceHash, id));
            vm.prank(alice);
            reg.submit(copies[i]);
        }
        assertEq(leaf.balanceOf(alice), paid, "paid once");
    }

    /// @dev The guard holds on the signed paths too: a relayed owner signature and a verifier-signed submission.
    function test_RevertWhen_EvidenceReusedBySignedSubmissions() public {
        Attestation memory first = _sameMeteredPeriod(model, Kind.PRETRAINING);
        bytes32 id = _submit(alice, first);
        Attestation memory copy = _sameMeteredPeriod(model, Kind.INFERENCE);
        bytes memory ownerSig = _submitSig(alicePk, copy, 0, block.timestamp);
        vm.expectRevert(_usedError(first.evidenceHash, id));
        reg.submitWithSig(copy, alice, 0, block.timestamp, ownerSig);
        bytes memory verifierSig = _verifiedSig(verifierPk, copy, 0, block.timestamp);
        vm.expectRevert(_usedError(first.evidenceHash, id));
        vm.prank(alice);
        reg.submitVerified(copy, verifier, 0, block.timestamp, verifierSig);
    }

    /// @dev A Rejected or Withdrawn attestation frees its evidence (SPEC 4, v1.1): the document can back another.
    function test_RejectedOrWithdrawnFreesEvidence() public {
        Attestation memory first = _sameMeteredPeriod(model, Kind.PRETRAINING);
        bytes32 id = _submit(alice, first);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        Attestation memory second = _sameMeteredPeriod(model, Kind.FINETUNING);
        bytes32 id2 = _submit(alice, second);
        vm.prank(alice);
        reg.withdraw(id2);
        bytes32 id3 = _submit(alice, _sameMeteredPeriod(model, Kind.INFERENCE));
        // and the latest user holds it again
        Attestation memory fourth = _sameMeteredPeriod(_register(alice), Kind.INFERENCE);
        vm.expectRevert(_usedError(first.evidenceHash, id3));
        vm.prank(alice);
        reg.submit(fourth);
    }

    /// @dev Superseded, Invalidated and Final attestations keep their evidence: their energy was attested.
    function test_RevertWhen_EvidenceOfSupersededOrInvalidatedReused() public {
        (bytes32 pid, Attestation memory p) = _verified();
        Attestation memory c = _copy(p);
        c.energyWh = p.energyWh / 2;
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        _verify(cid); // p is Superseded now
        Attestation memory again = _copy(p);
        again.modelId = _register(alice);
        vm.expectRevert(_usedError(p.evidenceHash, pid));
        vm.prank(alice);
        reg.submit(again);
        _dispute(cid);
        vm.prank(arbiter);
        reg.upholdDispute(cid, bytes32(0)); // c is Invalidated now
        Attestation memory cAgain = _copy(c);
        cAgain.supersedes = bytes32(0);
        cAgain.modelId = again.modelId;
        vm.expectRevert(_usedError(c.evidenceHash, cid));
        vm.prank(alice);
        reg.submit(cAgain);
    }

    // ------------------------------------------------------------ ids under non-canonical calldata

    /// @dev Sets a bit outside the type of head field `field` (1..12: kind .. region) of an ABI-encoded
    /// `f(Attestation)` call: the high bits of the uintN fields, the low bits of the bytes8 region.
    function _dirty(bytes memory data, uint256 field, uint256 bitSeed) internal pure returns (bytes memory) {
        uint16[13] memory bits = [256, 8, 8, 64, 16, 32, 16, 64, 64, 64, 64, 64, 0];
        uint256 mask;
        if (field == 12) mask = uint256(1) << bound(bitSeed, 0, 191);
        else mask = uint256(1) << bound(bitSeed, bits[field], 255);
        uint256 at = 4 + 32 + 32 * field; // selector, struct offset, head word
        uint256 word;
        assembly {
            word := mload(add(add(data, 0x20), at))
            mstore(add(add(data, 0x20), at), or(word, mask))
        }
        return data;
    }

    /// @dev A field with dirty bits hashes to another id: it must neither be stored by submit nor be paid by
    /// claimReward, and the canonical attestation is still paid exactly once.
    function testFuzz_NonCanonicalCalldataNeverStoresOrPays(uint256 field, uint256 bitSeed) public {
        field = bound(field, 1, 12);
        Attestation memory a = _att(model);
        vm.prank(alice);
        (bool ok,) = address(reg).call(_dirty(abi.encodeCall(reg.submit, (a)), field, bitSeed));
        assertFalse(ok, "dirty submit accepted");
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(alice);
        (ok,) = address(reg).call(_dirty(abi.encodeCall(reg.claimReward, (a)), field, bitSeed));
        assertFalse(ok, "dirty claim paid");
        assertEq(leaf.totalSupply(), 0);
        vm.prank(alice);
        (uint256 reward,) = reg.claimReward(a);
        assertEq(reward, _refReward(a.energyWh, a.locationIntensity, a.renewableBps, a.method, 475));
    }
}
