// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationDisputes} from "../../contracts/AttestationDisputes.sol";
import {ARBITER_ROLE, Attestation, Kind, Status, VERIFIER_ROLE} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {Base} from "./Base.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev SPEC 5 (v1.1): the arbiter may invalidate, without a bond, the Verified attestations of a revoked verifier
/// that are not yet Final (`invalidateUnreviewed`).
contract InvalidateUnreviewedTest is Base {
    uint256 internal model;

    event AttestationInvalidatedUnreviewed(
        bytes32 indexed id, address indexed arbiter, address indexed verifier, bytes32 rulingHash
    );

    function setUp() public override {
        super.setUp();
        model = _register(alice);
    }

    /// @dev An attestation Verified by `verifier`, who is then revoked.
    function _verifiedThenRevoked(Attestation memory a) internal returns (bytes32 id) {
        id = _submit(alice, a);
        _verify(id);
        _revoke(verifier);
    }

    function _revoke(address v) internal {
        vm.prank(admin);
        reg.revokeRole(VERIFIER_ROLE, v);
    }

    function _invalidate(bytes32 id) internal {
        vm.prank(arbiter);
        reg.invalidateUnreviewed(id, keccak256("ruling"));
    }

    function _expectWrongStatus(bytes32 id, Status status) internal {
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, status)
        );
    }

    function _invalidatedVerdicts(address v) internal view returns (uint64 count) {
        (,, count) = reg.verifierRecord(v);
    }

    function test_InvalidateUnreviewed() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        uint256 balance = address(reg).balance;
        vm.expectEmit(address(reg));
        emit AttestationInvalidatedUnreviewed(id, arbiter, verifier, keccak256("ruling"));
        _invalidate(id);
        assertEq(uint8(_status(id)), uint8(Status.Invalidated));
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(st.finalAt, 0, "no window any more");
        assertEq(st.verifier, verifier, "the invalidated verdict stays the verifier's");
        assertEq(_invalidatedVerdicts(verifier), 1, "counted on the verifier's record");
        assertEq(_invalidatedVerdicts(verifier2), 0);
        assertEq(address(reg).balance, balance, "no bond involved");
        // never Final, never paid
        vm.warp(block.timestamp + WINDOW);
        assertEq(uint8(_status(id)), uint8(Status.Invalidated));
    }

    /// @dev Every invalidation counts: upheld disputes and unreviewed invalidations add up on one record.
    function test_InvalidatedVerdictsAddUp() public {
        bytes32 disputed = _submit(alice, _att(model, Kind.FINETUNING, uint64(T0 - 5 days), uint64(T0 - 4 days)));
        _verify(disputed);
        vm.prank(challenger);
        reg.dispute{value: BOND}(disputed, "ipfs://reason");
        vm.prank(arbiter);
        reg.upholdDispute(disputed, bytes32(0));
        bytes32 a = _submit(alice, _att(model, Kind.INFERENCE, uint64(T0 - 5 days), uint64(T0 - 4 days)));
        bytes32 b = _submit(alice, _att(model, Kind.INFERENCE, uint64(T0 - 4 days), uint64(T0 - 3 days)));
        _verify(a);
        _verify(b);
        _revoke(verifier);
        _invalidate(a);
        _invalidate(b);
        assertEq(_invalidatedVerdicts(verifier), 3);
    }

    /// @dev A verified-at-submission attestation (submitVerified) names its verifier the same way.
    function test_InvalidateUnreviewedSubmitVerified() public {
        Attestation memory a = _att(model);
        bytes memory sig = _verifiedSig(verifier2Pk, a, 0, block.timestamp);
        vm.prank(alice);
        bytes32 id = reg.submitVerified(a, verifier2, 0, block.timestamp, sig);
        _revoke(verifier2);
        vm.expectEmit(address(reg));
        emit AttestationInvalidatedUnreviewed(id, arbiter, verifier2, keccak256("ruling"));
        _invalidate(id);
        assertEq(_invalidatedVerdicts(verifier2), 1);
    }

    function test_InvalidatedUnreviewedCannotBeClaimedOrDisputed() public {
        Attestation memory a = _att(model);
        bytes32 id = _verifiedThenRevoked(a);
        _invalidate(id);
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, id, Status.Invalidated)
        );
        vm.prank(alice);
        reg.claimReward(a);
        _expectWrongStatus(id, Status.Invalidated);
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
    }

    /// @dev Invalidated keeps its evidence document used (SPEC 4, v1.1): its energy was attested and invalidated,
    /// the same document cannot back another attestation.
    function test_RevertWhen_EvidenceOfInvalidatedUnreviewedReused() public {
        Attestation memory a = _att(model);
        bytes32 id = _verifiedThenRevoked(a);
        _invalidate(id);
        Attestation memory again = _att(model, Kind.FINETUNING, a.periodStart, a.periodEnd);
        again.evidenceHash = a.evidenceHash;
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryEvidenceAlreadyUsed.selector, a.evidenceHash, id
            )
        );
        vm.prank(alice);
        reg.submit(again);
    }

    /// @dev An invalidated correction gives back only its extension (see ReviewFindings for the dispute path).
    function test_InvalidateUnreviewedCorrectionFreesOnlyItsExtension() public {
        Attestation memory p = _att(model, Kind.INFERENCE, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        _verify(pid);
        Attestation memory c = _copy(p);
        c.periodEnd = uint64(T0 - 1 days);
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        _verify(cid);
        _revoke(verifier);
        _invalidate(cid);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded), "the predecessor stays superseded");
        (uint64[3] memory latest,) = reg.modelCursor(model);
        assertEq(latest[uint8(Kind.INFERENCE)], p.periodEnd);
    }

    function test_RevertWhen_InvalidateUnreviewedVerifierStillAccredited() public {
        bytes32 id = _submit(alice, _att(model));
        _verify(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryVerifierStillAccredited.selector, id, verifier
            )
        );
        _invalidate(id);
    }

    /// @dev Accredited again, the verifier's verdicts are challenged by dispute again.
    function test_RevertWhen_InvalidateUnreviewedVerifierReaccredited() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        vm.prank(admin);
        reg.accreditVerifier(verifier, "Verifier One", "https://v1.example");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryVerifierStillAccredited.selector, id, verifier
            )
        );
        _invalidate(id);
    }

    /// @dev A Final attestation stands: revoking its verifier later does not undo it.
    function test_RevertWhen_InvalidateUnreviewedFinal() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        vm.warp(block.timestamp + WINDOW);
        _expectWrongStatus(id, Status.Final);
        _invalidate(id);
    }

    function test_RevertWhen_InvalidateUnreviewedClaimed() public {
        Attestation memory a = _att(model);
        bytes32 id = _final(alice, a);
        vm.prank(alice);
        reg.claimReward(a);
        _revoke(verifier);
        _expectWrongStatus(id, Status.Final);
        _invalidate(id);
    }

    /// @dev A Disputed attestation is ruled on (upholdDispute / dismissDispute), not invalidated unreviewed.
    function test_RevertWhen_InvalidateUnreviewedDisputed() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "ipfs://reason");
        _expectWrongStatus(id, Status.Disputed);
        _invalidate(id);
    }

    function test_RevertWhen_InvalidateUnreviewedSubmittedRejectedOrUnknown() public {
        bytes32 submitted = _submit(alice, _att(model, Kind.INFERENCE, uint64(T0 - 5 days), uint64(T0 - 4 days)));
        bytes32 rejected = _submit(alice, _att(model, Kind.INFERENCE, uint64(T0 - 4 days), uint64(T0 - 3 days)));
        vm.prank(verifier);
        reg.reject(rejected, bytes32(0));
        _revoke(verifier);
        _expectWrongStatus(submitted, Status.Submitted);
        _invalidate(submitted);
        _expectWrongStatus(rejected, Status.Rejected);
        _invalidate(rejected);
        _expectWrongStatus(keccak256("unknown"), Status.None);
        _invalidate(keccak256("unknown"));
    }

    function test_RevertWhen_InvalidateUnreviewedTwice() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        _invalidate(id);
        _expectWrongStatus(id, Status.Invalidated);
        _invalidate(id);
        assertEq(_invalidatedVerdicts(verifier), 1);
    }

    function test_RevertWhen_InvalidateUnreviewedNotArbiter() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        address[3] memory callers = [alice, verifier2, admin];
        vm.prank(admin);
        reg.revokeRole(ARBITER_ROLE, admin);
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, callers[i], ARBITER_ROLE
                )
            );
            vm.prank(callers[i]);
            reg.invalidateUnreviewed(id, bytes32(0));
        }
    }

    function test_RevertWhen_InvalidateUnreviewedPaused() public {
        bytes32 id = _verifiedThenRevoked(_att(model));
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        _invalidate(id);
        // the window stood still during the pause: still invalidatable after it
        vm.warp(block.timestamp + 30 days);
        vm.prank(pauser);
        reg.unpause();
        _invalidate(id);
    }

    function test_RevertWhen_InvalidateUnreviewedCalledDirectly() public {
        AttestationDisputes code = AttestationDisputes(vm.computeCreateAddress(address(reg), 1));
        bytes32 id = _verifiedThenRevoked(_att(model));
        vm.expectRevert(AttestationDisputes.AttestationDisputesNotDelegated.selector);
        vm.prank(arbiter);
        code.invalidateUnreviewed(id, bytes32(0));
    }
}
