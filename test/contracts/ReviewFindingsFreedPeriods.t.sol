// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Status, VERIFIER_ROLE} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {OneModelBase} from "./Base.t.sol";

/// @dev Regression tests of issue 12 (v1.1): L-2 (a rejected or withdrawn correction frees its extension) and
/// SPEC 4 freed periods (a Rejected, Withdrawn or Invalidated latest attestation gives its period back).
contract ReviewFindingsFreedPeriodsTest is OneModelBase {
    // ------------------------------------------------------------ L-2 a rejected correction frees its extension

    function _extendingCorrection() internal returns (Attestation memory p, Attestation memory c, bytes32 cid) {
        p = _att(m, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        _verify(pid);
        c = _copy(p);
        c.periodEnd = uint64(T0 - 1 days);
        c.supersedes = pid;
        _newEvidence(c);
        cid = _submit(alice, c);
        (uint64[3] memory latest,) = reg.modelCursor(m);
        assertEq(latest[uint8(Kind.INFERENCE)], T0 - 1 days);
    }

    function test_RejectedCorrectionFreesExtension() public {
        (Attestation memory p,, bytes32 cid) = _extendingCorrection();
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        (uint64[3] memory latest,) = reg.modelCursor(m);
        assertEq(latest[uint8(Kind.INFERENCE)], p.periodEnd, "frontier back at the predecessor's end");
        // the extension can be attested again (v1: PeriodOverlap)
        _submit(alice, _att(m, Kind.INFERENCE, p.periodEnd, uint64(T0 - 1 days)));
    }

    function test_WithdrawnCorrectionFreesExtension() public {
        (Attestation memory p,, bytes32 cid) = _extendingCorrection();
        vm.prank(alice);
        reg.withdraw(cid);
        _submit(alice, _att(m, Kind.INFERENCE, p.periodEnd, uint64(T0 - 1 days)));
    }

    function test_RevertWhen_ReusingPredecessorPeriodAfterRejectedCorrection() public {
        (Attestation memory p,, bytes32 cid) = _extendingCorrection();
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        // the predecessor keeps its own period
        Attestation memory overlapping = _att(m, Kind.INFERENCE, p.periodEnd - 1, uint64(T0 - 1 days));
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
        Attestation memory later = _att(m, Kind.INFERENCE, uint64(T0 - 1 days), uint64(T0 - 1 hours));
        _submit(alice, later);
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        (uint64[3] memory latest,) = reg.modelCursor(m);
        assertEq(latest[uint8(Kind.INFERENCE)], later.periodEnd);
    }

    function test_RejectedPretrainingCorrectionFreesExtension() public {
        Attestation memory p = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _copy(p);
        c.periodEnd = uint64(T0 - 1 days);
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        vm.prank(verifier);
        reg.reject(cid, bytes32(0));
        (uint64[3] memory latest, uint16 live) = reg.modelCursor(m);
        assertEq(latest[uint8(Kind.PRETRAINING)], p.periodEnd);
        assertEq(live, 1, "the predecessor is still live");
    }

    // ------------------------------------------------------------ SPEC 4 (v1.1) freed periods

    /// @dev An INFERENCE attestation of [T0 - 3 days, T0 - 2 days], the latest of its kind, Submitted.
    function _latest() internal returns (Attestation memory a, bytes32 id) {
        a = _att(m, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days));
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
        (uint64[3] memory latest,) = reg.modelCursor(m);
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
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 id = _submit(alice, a);
        _verify(id);
        _dispute(id);
        vm.prank(arbiter);
        reg.upholdDispute(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 0, "no live PRETRAINING run");
        _assertPeriodFreed(a);
    }

    /// @dev SPEC 5 (v1.1): the arbiter invalidates a revoked verifier's unreviewed verdict; its period is freed too.
    function test_InvalidatedUnreviewedFreesItsPeriod() public {
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.prank(admin);
        reg.revokeRole(VERIFIER_ROLE, verifier);
        vm.prank(arbiter);
        reg.invalidateUnreviewed(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 0, "no live PRETRAINING run");
        vm.prank(admin);
        reg.accreditVerifier(verifier, "Verifier One", "");
        _assertPeriodFreed(a);
    }

    function test_RejectedPretrainingFreesPeriodAndLiveCount() public {
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 id = _submit(alice, a);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 0);
        _assertPeriodFreed(a);
    }

    /// @dev Freed periods give the frontier back one by one, latest first.
    function test_FreedPeriodsCascadeFromTheLatest() public {
        (Attestation memory a, bytes32 id) = _latest();
        Attestation memory b = _att(m, Kind.INFERENCE, a.periodEnd, uint64(T0 - 1 days));
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
        Attestation memory b = _att(m, Kind.INFERENCE, a.periodEnd, uint64(T0 - 1 days));
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
        _submit(alice, _att(m, Kind.INFERENCE, p.periodEnd, c.periodEnd));
    }
}
