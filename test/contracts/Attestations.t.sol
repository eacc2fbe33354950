// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationDisputes} from "../../contracts/AttestationDisputes.sol";
import {Attestation, Kind, Method, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IModelRegistry} from "../../contracts/IModelRegistry.sol";
import {Base} from "./Base.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract AttestationsTest is Base {
    uint256 internal m;

    function setUp() public override {
        super.setUp();
        m = _register(alice);
    }

    function _revertSubmit(Attestation memory a, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(alice);
        reg.submit(a);
    }

    // ------------------------------------------------------------ submit

    function test_Submit() public {
        Attestation memory a = _att(m);
        bytes32 id = _id(a);
        uint256 loc = uint256(a.energyWh) * a.locationIntensity / 1000;
        uint256 mkt = uint256(a.energyWh) * a.locationIntensity * (10_000 - a.renewableBps) / 10_000_000;
        vm.expectEmit(true, true, true, true, address(reg));
        emit IAttestationRegistry.AttestationSubmitted(id, m, alice, a, loc, mkt, loc + a.embodiedG);
        assertEq(_submit(alice, a), id);
        assertEq(reg.attestationId(a), id);
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Submitted));
        assertEq(uint8(st.kind), uint8(Kind.INFERENCE));
        assertEq(st.modelId, m);
        assertEq(st.periodStart, a.periodStart);
        assertEq(st.periodEnd, a.periodEnd);
        assertEq(st.verifier, address(0));
        assertFalse(st.claimed);
        assertFalse(st.isCorrection);
        (uint64[3] memory latest, uint16 live) = reg.modelCursor(m);
        assertEq(latest[2], a.periodEnd);
        assertEq(latest[0], 0);
        assertEq(live, 0);
    }

    function test_SubmitPretrainingCountsLive() public {
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 10 days), uint64(T0 - 9 days));
        _submit(alice, a);
        Attestation memory b = _att(m, Kind.PRETRAINING, uint64(T0 - 9 days), uint64(T0 - 8 days));
        _submit(alice, b);
        (uint64[3] memory latest, uint16 live) = reg.modelCursor(m);
        assertEq(latest[0], T0 - 8 days);
        assertEq(live, 2);
    }

    function test_RevertWhen_SubmitZeroEnergy() public {
        Attestation memory a = _att(m);
        a.energyWh = 0;
        _revertSubmit(a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryZeroEnergy.selector, 0));
    }

    function test_RevertWhen_SubmitPueTooLow() public {
        Attestation memory a = _att(m);
        a.pueMilli = 999;
        _revertSubmit(a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryPueOutOfRange.selector, 999));
    }

    function test_RevertWhen_SubmitPueTooHigh() public {
        Attestation memory a = _att(m);
        a.pueMilli = 5001;
        _revertSubmit(a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryPueOutOfRange.selector, 5001));
    }

    function test_RevertWhen_SubmitRenewableOutOfRange() public {
        Attestation memory a = _att(m);
        a.renewableBps = 10_001;
        _revertSubmit(
            a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryRenewableOutOfRange.selector, 10_001)
        );
    }

    function test_RevertWhen_SubmitIntensityOutOfRange() public {
        Attestation memory a = _att(m);
        a.locationIntensity = 2001;
        _revertSubmit(
            a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryIntensityOutOfRange.selector, 2001)
        );
    }

    function test_RevertWhen_SubmitEmptyPeriod() public {
        Attestation memory a = _att(m);
        a.periodStart = a.periodEnd;
        _revertSubmit(
            a,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryInvalidPeriod.selector, a.periodEnd, a.periodEnd
            )
        );
    }

    function test_RevertWhen_SubmitPeriodInFuture() public {
        Attestation memory a = _att(m);
        a.periodEnd = uint64(block.timestamp + 1);
        _revertSubmit(
            a,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryPeriodInFuture.selector, a.periodEnd, block.timestamp
            )
        );
    }

    function test_RevertWhen_SubmitEmptyEvidence() public {
        Attestation memory a = _att(m);
        a.evidenceHash = bytes32(0);
        _revertSubmit(
            a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryEmptyEvidence.selector, bytes32(0))
        );
    }

    function test_RevertWhen_SubmitMissingModel() public {
        Attestation memory a = _att(99);
        _revertSubmit(a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryModelNotFound.selector, 99));
    }

    function test_RevertWhen_SubmitNotOwner() public {
        Attestation memory a = _att(m);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        vm.prank(bob);
        reg.submit(a);
    }

    function test_RevertWhen_SubmitPretrainingOnSealed() public {
        vm.prank(alice);
        models.sealTraining(m);
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days));
        _revertSubmit(a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryTrainingSealed.selector, m));
        // other kinds are still accepted
        _submit(alice, _att(m, Kind.FINETUNING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
    }

    function test_RevertWhen_SubmitOverlap() public {
        _submit(alice, _att(m));
        Attestation memory b = _att(m, Kind.INFERENCE, uint64(T0 - 1 days - 1), uint64(T0));
        _revertSubmit(
            b,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryPeriodOverlap.selector, b.periodStart, uint64(T0 - 1 days)
            )
        );
        // adjacent is fine, and another kind may overlap
        _submit(alice, _att(m, Kind.INFERENCE, uint64(T0 - 1 days), uint64(T0)));
        _submit(alice, _att(m, Kind.FINETUNING, uint64(T0 - 2 days), uint64(T0)));
    }

    function test_RevertWhen_SubmitTooManyRuns() public {
        // live PRETRAINING counter at its maximum (bits 120..135 of the cursor, i.e. 240..255 of the model word)
        bytes32 slot = keccak256(abi.encode(m, uint256(7)));
        uint256 word = uint256(vm.load(address(models), slot));
        vm.store(address(models), slot, bytes32(word | (uint256(0xffff) << 240)));
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days));
        _revertSubmit(a, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryTooManyRuns.selector, m));
    }

    function test_RevertWhen_SubmitPaused() public {
        vm.prank(pauser);
        reg.pause();
        _revertSubmit(_att(m), abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryPaused.selector));
    }

    // ------------------------------------------------------------ corrections

    function _correction(Attestation memory p, bytes32 pid) internal pure returns (Attestation memory c) {
        c = _copy(p);
        c.energyWh = p.energyWh / 2;
        c.evidenceHash = sha256("corrected");
        c.supersedes = pid;
        _newEvidence(c);
    }

    function test_CorrectionSupersedesOnVerify() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        bytes32 cid = _submit(alice, c);
        assertTrue(reg.getAttestation(cid).isCorrection);
        assertEq(reg.supersedesOf(cid), pid);
        vm.expectEmit(true, true, false, false, address(reg));
        emit IAttestationRegistry.AttestationSuperseded(pid, cid);
        _verify(cid);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
        assertEq(uint8(_status(cid)), uint8(Status.Verified));
    }

    function test_CorrectionOfPretrainingKeepsLiveCount() public {
        Attestation memory p = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        bytes32 cid = _submit(alice, c);
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 2);
        _verify(cid);
        (, live) = reg.modelCursor(m);
        assertEq(live, 1);
    }

    /// @dev A rejected attestation that is not the latest of its kind keeps its period (SPEC 4 v1.1 frees only the
    /// latest's): a correction superseding it is the way to cover that period again.
    function test_CorrectionOfRejected() public {
        Attestation memory p = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        _submit(alice, _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
        vm.prank(verifier);
        reg.reject(pid, keccak256("bad"));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 1);
        bytes32 cid = _submit(alice, _correction(p, pid));
        _verify(cid);
        (, live) = reg.modelCursor(m);
        assertEq(live, 2);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
    }

    function test_CorrectionMayExtendLatest() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        c.periodEnd = uint64(T0);
        _submit(alice, c);
        (uint64[3] memory latest,) = reg.modelCursor(m);
        assertEq(latest[2], T0);
    }

    function test_SealedPretrainingCorrection() public {
        Attestation memory p = _att(m, Kind.PRETRAINING, uint64(T0 - 3 days), uint64(T0 - 2 days));
        bytes32 pid = _submit(alice, p);
        vm.prank(alice);
        models.sealTraining(m);
        // restating the sealed run is allowed
        _submit(alice, _correction(p, pid));
        // extending it is adding training: refused
        Attestation memory c = _correction(p, pid);
        c.energyWh = 7;
        c.periodEnd = uint64(T0 - 1 days);
        _revertSubmit(c, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryTrainingSealed.selector, m));
    }

    function test_RevertWhen_CorrectionExtendsNonLatest() public {
        Attestation memory p = _att(m, Kind.INFERENCE, uint64(T0 - 5 days), uint64(T0 - 4 days));
        bytes32 pid = _submit(alice, p);
        _submit(alice, _att(m, Kind.INFERENCE, uint64(T0 - 4 days), uint64(T0 - 3 days)));
        Attestation memory c = _correction(p, pid);
        c.periodEnd = uint64(T0 - 3 days);
        _revertSubmit(
            c,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryCorrectionOutsidePeriod.selector, c.periodStart, c.periodEnd
            )
        );
    }

    function test_RevertWhen_CorrectionStartsEarlier() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        c.periodStart -= 1;
        _revertSubmit(
            c,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryCorrectionOutsidePeriod.selector, c.periodStart, c.periodEnd
            )
        );
    }

    function test_RevertWhen_CorrectionUnknown() public {
        Attestation memory c = _att(m);
        c.supersedes = keccak256("nothing");
        _revertSubmit(
            c,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistrySupersedesUnknown.selector, keccak256("nothing")
            )
        );
    }

    function test_RevertWhen_CorrectionOtherModel() public {
        uint256 m2 = _register(alice);
        Attestation memory p = _att(m2);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _att(m);
        c.supersedes = pid;
        _newEvidence(c);
        _revertSubmit(
            c, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistrySupersedesOtherModel.selector, pid, m2)
        );
    }

    function test_RevertWhen_CorrectionOtherKind() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        c.kind = Kind.FINETUNING;
        _revertSubmit(
            c,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistrySupersedesOtherKind.selector, pid, Kind.FINETUNING
            )
        );
    }

    function test_RevertWhen_CorrectionOfWithdrawn() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        vm.prank(alice);
        reg.withdraw(pid);
        _revertSubmit(
            _correction(p, pid),
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotSupersedable.selector, pid, Status.Withdrawn
            )
        );
    }

    function test_RevertWhen_CorrectionOfUnverifiedCorrection() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        bytes32 cid = _submit(alice, c);
        Attestation memory c2 = _correction(c, cid);
        _revertSubmit(
            c2,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotSupersedable.selector, cid, Status.Submitted
            )
        );
    }

    function test_RevertWhen_CorrectionDuplicate() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c = _correction(p, pid);
        bytes32 cid = _submit(alice, c);
        _revertSubmit(c, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryAlreadyExists.selector, cid));
    }

    function test_RevertWhen_CorrectionVerifiedAfterPredecessorSuperseded() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        Attestation memory c1 = _correction(p, pid);
        bytes32 c1id = _submit(alice, c1);
        Attestation memory c2 = _correction(p, pid);
        c2.energyWh = 3;
        _newEvidence(c2);
        bytes32 c2id = _submit(alice, c2);
        _verify(c1id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotSupersedable.selector, pid, Status.Superseded
            )
        );
        vm.prank(verifier);
        reg.verify(c2id);
    }

    function test_RevertWhen_CorrectionVerifiedWhilePredecessorDisputed() public {
        Attestation memory p = _att(m);
        bytes32 pid = _submit(alice, p);
        _verify(pid);
        bytes32 cid = _submit(alice, _correction(p, pid));
        vm.prank(challenger);
        reg.dispute{value: BOND}(pid, "ipfs://reason");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotSupersedable.selector, pid, Status.Disputed
            )
        );
        vm.prank(verifier);
        reg.verify(cid);
    }

    // ------------------------------------------------------------ verdicts

    function test_Verify() public {
        bytes32 id = _submit(alice, _att(m));
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationVerified(id, verifier, uint64(block.timestamp + WINDOW));
        _verify(id);
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Verified));
        assertEq(st.verifier, verifier);
        assertEq(st.finalAt, block.timestamp + WINDOW);
    }

    function test_FinalOnlyAfterWindow() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.warp(block.timestamp + WINDOW - 1);
        assertEq(uint8(_status(id)), uint8(Status.Verified));
        vm.warp(block.timestamp + 1);
        assertEq(uint8(_status(id)), uint8(Status.Final));
    }

    function test_Reject() public {
        bytes32 id = _submit(alice, _att(m));
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationRejected(id, verifier, keccak256("why"));
        vm.prank(verifier);
        reg.reject(id, keccak256("why"));
        assertEq(uint8(_status(id)), uint8(Status.Rejected));
        assertEq(reg.getAttestation(id).verifier, verifier);
    }

    function test_RejectPretrainingDecrementsLive() public {
        bytes32 id = _submit(alice, _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 0);
    }

    function test_RevertWhen_VerifyTwice() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, Status.Verified)
        );
        vm.prank(verifier2);
        reg.verify(id);
    }

    function test_RevertWhen_VerifyUnknown() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryWrongStatus.selector, bytes32(0), Status.None
            )
        );
        _verify(bytes32(0));
    }

    function test_RevertWhen_VerifyNotVerifier() public {
        bytes32 id = _submit(alice, _att(m));
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, bob));
        vm.prank(bob);
        reg.verify(id);
    }

    function test_RevertWhen_VerifyRevokedVerifier() public {
        bytes32 id = _submit(alice, _att(m));
        bytes32 role = keccak256("VERIFIER_ROLE");
        vm.prank(admin);
        reg.revokeRole(role, verifier);
        assertFalse(reg.isVerifier(verifier));
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotVerifier.selector, verifier));
        _verify(id);
    }

    function test_RevertWhen_VerifierOwnsModel() public {
        bytes32 id = _submit(alice, _att(m));
        vm.prank(alice);
        models.transferFrom(alice, verifier, m);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryVerifierIsOwner.selector, m, verifier)
        );
        _verify(id);
    }

    function test_RevertWhen_VerifierOwnsModelOnReject() public {
        bytes32 id = _submit(alice, _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
        vm.prank(alice);
        models.transferFrom(alice, verifier, m);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryVerifierIsOwner.selector, m, verifier)
        );
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
    }

    function test_RevertWhen_VerifierSubmittedIt() public {
        uint256 vm_ = _register(verifier);
        bytes32 id = _submit(verifier, _att(vm_));
        vm.prank(verifier);
        models.transferFrom(verifier, bob, vm_);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryVerifierIsSubmitter.selector, id, verifier)
        );
        _verify(id);
    }

    function test_RevertWhen_VerifyPaused() public {
        bytes32 id = _submit(alice, _att(m));
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        _verify(id);
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(verifier);
        reg.reject(id, bytes32(0));
    }

    // ------------------------------------------------------------ withdraw

    function test_Withdraw() public {
        bytes32 id = _submit(alice, _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
        vm.expectEmit(true, true, false, false, address(reg));
        emit IAttestationRegistry.AttestationWithdrawn(id, alice);
        vm.prank(alice);
        reg.withdraw(id);
        assertEq(uint8(_status(id)), uint8(Status.Withdrawn));
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 0);
    }

    function test_WithdrawInference() public {
        bytes32 id = _submit(alice, _att(m));
        vm.prank(alice);
        reg.withdraw(id);
        assertEq(uint8(_status(id)), uint8(Status.Withdrawn));
    }

    function test_RevertWhen_WithdrawNotOwner() public {
        bytes32 id = _submit(alice, _att(m));
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        vm.prank(bob);
        reg.withdraw(id);
    }

    function test_RevertWhen_WithdrawVerified() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, Status.Verified)
        );
        vm.prank(alice);
        reg.withdraw(id);
    }

    function test_RevertWhen_WithdrawPaused() public {
        bytes32 id = _submit(alice, _att(m));
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.withdraw(id);
    }

    // ------------------------------------------------------------ disputes

    function _disputed() internal returns (bytes32 id) {
        id = _submit(alice, _att(m, Kind.PRETRAINING, uint64(T0 - 2 days), uint64(T0 - 1 days)));
        _verify(id);
        vm.warp(block.timestamp + 1 days);
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "ipfs://reason");
    }

    function test_Dispute() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.warp(block.timestamp + 1 days);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.AttestationDisputed(id, challenger, BOND, WINDOW - 1 days, "ipfs://reason");
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "ipfs://reason");
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Disputed));
        assertEq(st.remainingWindow, WINDOW - 1 days);
        (address who, uint256 bond) = reg.disputeOf(id);
        assertEq(who, challenger);
        assertEq(bond, BOND);
        assertEq(address(reg).balance, BOND);
        // a disputed attestation never becomes Final by time alone
        vm.warp(block.timestamp + 365 days);
        assertEq(uint8(_status(id)), uint8(Status.Disputed));
    }

    /// @dev The dispute code lives in AttestationDisputes (created by the registry, its nonce 1) and runs only by
    /// delegatecall on the registry's storage: called directly it refuses, even for an arbiter.
    function test_RevertWhen_DisputesCalledDirectly() public {
        AttestationDisputes code = AttestationDisputes(vm.computeCreateAddress(address(reg), 1));
        assertEq(code.registry(), address(reg));
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.expectRevert(AttestationDisputes.AttestationDisputesNotDelegated.selector);
        vm.prank(challenger);
        code.dispute{value: BOND}(id, "ipfs://reason");
        vm.startPrank(arbiter);
        vm.expectRevert(AttestationDisputes.AttestationDisputesNotDelegated.selector);
        code.upholdDispute(id, bytes32(0));
        vm.expectRevert(AttestationDisputes.AttestationDisputesNotDelegated.selector);
        code.dismissDispute(id, bytes32(0));
        vm.expectRevert(AttestationDisputes.AttestationDisputesNotDelegated.selector);
        code.withdrawRefund();
        vm.stopPrank();
    }

    function test_RevertWhen_DisputeSubmitted() public {
        bytes32 id = _submit(alice, _att(m));
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, Status.Submitted)
        );
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
    }

    function test_RevertWhen_DisputeClaimed() public {
        Attestation memory a = _att(m);
        bytes32 id = _final(alice, a);
        vm.prank(alice);
        reg.claimReward(a);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, Status.Final)
        );
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
    }

    function test_RevertWhen_DisputeAfterWindow() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        uint64 finalAt = uint64(block.timestamp + WINDOW);
        vm.warp(finalAt);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryChallengeWindowClosed.selector, id, finalAt)
        );
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
    }

    function test_RevertWhen_DisputeWrongBond() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongBond.selector, BOND - 1, BOND)
        );
        vm.prank(challenger);
        reg.dispute{value: BOND - 1}(id, "");
    }

    function test_RevertWhen_DisputePaused() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
    }

    function test_UpholdDispute() public {
        bytes32 id = _disputed();
        vm.expectEmit(true, true, true, true, address(reg));
        emit IAttestationRegistry.DisputeUpheld(id, arbiter, challenger, verifier, BOND, keccak256("ruling"));
        vm.prank(arbiter);
        reg.upholdDispute(id, keccak256("ruling"));
        assertEq(uint8(_status(id)), uint8(Status.Invalidated));
        assertEq(reg.refundOf(challenger), BOND);
        (bool active, uint32 index, uint64 invalidated) = reg.verifierRecord(verifier);
        assertTrue(active);
        assertEq(index, 1);
        assertEq(invalidated, 1);
        (, uint16 live) = reg.modelCursor(m);
        assertEq(live, 0);
        (address who,) = reg.disputeOf(id);
        assertEq(who, address(0));
        uint256 before = challenger.balance;
        vm.expectEmit(true, false, false, true, address(reg));
        emit IAttestationRegistry.RefundWithdrawn(challenger, BOND);
        vm.prank(challenger);
        reg.withdrawRefund();
        assertEq(challenger.balance, before + BOND);
        assertEq(reg.refundOf(challenger), 0);
    }

    function test_UpholdInferenceDispute() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.prank(challenger);
        reg.dispute{value: BOND}(id, "");
        vm.prank(arbiter);
        reg.upholdDispute(id, bytes32(0));
        assertEq(uint8(_status(id)), uint8(Status.Invalidated));
    }

    function test_DismissDispute() public {
        bytes32 id = _disputed();
        vm.warp(block.timestamp + 3 days);
        uint64 expectedFinal = uint64(block.timestamp + WINDOW - 1 days);
        vm.expectEmit(true, true, true, true, address(reg));
        emit IAttestationRegistry.DisputeDismissed(id, arbiter, challenger, BOND, expectedFinal, keccak256("r"));
        vm.prank(arbiter);
        reg.dismissDispute(id, keccak256("r"));
        assertEq(uint8(_status(id)), uint8(Status.Verified));
        assertEq(reg.getAttestation(id).finalAt, expectedFinal);
        assertEq(reg.refundOf(treasury), BOND);
        vm.warp(expectedFinal - 1);
        assertEq(uint8(_status(id)), uint8(Status.Verified));
        vm.warp(expectedFinal);
        assertEq(uint8(_status(id)), uint8(Status.Final));
        vm.prank(treasury);
        reg.withdrawRefund();
        assertEq(treasury.balance, BOND);
    }

    function test_RevertWhen_ArbitrateNotArbiter() public {
        bytes32 id = _disputed();
        bytes32 role = keccak256("ARBITER_ROLE");
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, bob, role));
        vm.prank(bob);
        reg.upholdDispute(id, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, bob, role));
        vm.prank(bob);
        reg.dismissDispute(id, bytes32(0));
    }

    function test_RevertWhen_ArbitrateUndisputed() public {
        bytes32 id = _submit(alice, _att(m));
        _verify(id);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, Status.Verified)
        );
        vm.prank(arbiter);
        reg.upholdDispute(id, bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryWrongStatus.selector, id, Status.Verified)
        );
        vm.prank(arbiter);
        reg.dismissDispute(id, bytes32(0));
    }

    function test_RevertWhen_ArbitratePaused() public {
        bytes32 id = _disputed();
        vm.prank(pauser);
        reg.pause();
        vm.startPrank(arbiter);
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        reg.upholdDispute(id, bytes32(0));
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        reg.dismissDispute(id, bytes32(0));
        vm.stopPrank();
    }

    function test_RevertWhen_WithdrawRefundNothing() public {
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNothingToWithdraw.selector, bob));
        vm.prank(bob);
        reg.withdrawRefund();
    }

    function test_RevertWhen_WithdrawRefundPaused() public {
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(bob);
        reg.withdrawRefund();
    }

    // ------------------------------------------------------------ rewards

    function test_ClaimReward() public {
        Attestation memory a = _att(m);
        a.method = Method.SOFTWARE;
        bytes32 id = _final(alice, a);
        uint256 expected = _refReward(a.energyWh, a.locationIntensity, a.renewableBps, Method.SOFTWARE, 475);
        assertGt(expected, 0);
        vm.expectEmit(true, true, true, true, address(reg));
        emit IAttestationRegistry.RewardClaimed(id, m, alice, expected, verifier, expected / 10);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r, expected);
        assertEq(vr, expected / 10);
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(verifier), expected / 10);
        IAttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        assertEq(uint8(st.status), uint8(Status.Final));
        assertTrue(st.claimed);
        assertEq(st.paid, expected);
    }

    function test_ClaimEstimatePaysNothing() public {
        Attestation memory a = _att(m);
        a.method = Method.ESTIMATE;
        bytes32 id = _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r + vr, 0);
        assertEq(leaf.totalSupply(), 0);
        assertTrue(reg.getAttestation(id).claimed);
    }

    function test_ClaimDirtyGridPaysNothing() public {
        Attestation memory a = _att(m);
        a.locationIntensity = 900;
        a.renewableBps = 0;
        _final(alice, a);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(a);
        assertEq(r, 0);
    }

    function test_ClaimZeroVerifierShare() public {
        vm.prank(admin);
        reg.setVerifierBps(0);
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertGt(r, 0);
        assertEq(vr, 0);
        assertEq(leaf.balanceOf(verifier), 0);
    }

    function test_ClaimCapped() public {
        Attestation memory a = _att(m);
        a.energyWh = type(uint64).max;
        a.renewableBps = 10_000;
        _final(alice, a);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(a);
        assertEq(r, 1_000_000 ether);
        assertEq(vr, 100_000 ether);
    }

    function test_RevertWhen_ClaimTwice() public {
        Attestation memory a = _att(m);
        bytes32 id = _final(alice, a);
        vm.startPrank(alice);
        reg.claimReward(a);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryAlreadyClaimed.selector, id));
        reg.claimReward(a);
        vm.stopPrank();
    }

    function test_RevertWhen_ClaimBeforeWindow() public {
        Attestation memory a = _att(m);
        bytes32 id = _submit(alice, a);
        _verify(id);
        vm.warp(block.timestamp + WINDOW - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, id, Status.Verified)
        );
        vm.prank(alice);
        reg.claimReward(a);
    }

    function test_RevertWhen_ClaimUnknownFields() public {
        Attestation memory a = _att(m);
        _final(alice, a);
        a.energyWh += 1; // a different id
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, _id(a), Status.None)
        );
        vm.prank(alice);
        reg.claimReward(a);
    }

    function test_RevertWhen_ClaimNotOwner() public {
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotModelOwner.selector, m, bob));
        vm.prank(bob);
        reg.claimReward(a);
    }

    function test_RevertWhen_ClaimPaused() public {
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IAttestationRegistry.AttestationRegistryPaused.selector);
        vm.prank(alice);
        reg.claimReward(a);
    }

    function test_CorrectionRewardReducedByPaid() public {
        Attestation memory p = _att(m);
        p.energyWh = 1_000_000;
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        (uint256 paid,) = reg.claimReward(p);
        Attestation memory c = _copy(p);
        c.energyWh = 3_000_000;
        c.evidenceHash = sha256("c");
        c.supersedes = pid;
        _newEvidence(c);
        bytes32 cid = _final(alice, c);
        assertEq(uint8(_status(pid)), uint8(Status.Superseded));
        uint256 full = _refReward(c.energyWh, c.locationIntensity, c.renewableBps, c.method, 475);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(c);
        assertEq(r, full - paid);
        assertEq(reg.getAttestation(cid).paid, full); // cumulative along the chain
        // the superseded attestation keeps its paid record
        assertEq(reg.getAttestation(pid).paid, paid);
    }

    function test_CorrectionChainDeductsEverythingPaid() public {
        Attestation memory p = _att(m);
        p.energyWh = 1_000_000;
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        (uint256 paidP,) = reg.claimReward(p);
        // S1 corrects P and is verified but never claimed; S2 corrects S1
        Attestation memory s1 = _copy(p);
        s1.energyWh = 2_000_000;
        s1.supersedes = pid;
        _newEvidence(s1);
        bytes32 s1id = _final(alice, s1);
        Attestation memory s2 = _copy(s1);
        s2.energyWh = 1_500_000;
        s2.supersedes = s1id;
        _newEvidence(s2);
        bytes32 s2id = _final(alice, s2);
        uint256 full = _refReward(s2.energyWh, s2.locationIntensity, s2.renewableBps, s2.method, 475);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(s2);
        assertEq(r, full - paidP);
        assertEq(reg.getAttestation(s2id).paid, full);
        // S3 corrects the claimed S2 downwards: nothing more to pay
        Attestation memory s3 = _copy(s2);
        s3.energyWh = 1_200_000;
        s3.supersedes = s2id;
        _newEvidence(s3);
        _final(alice, s3);
        vm.prank(alice);
        (r,) = reg.claimReward(s3);
        assertEq(r, 0);
        assertEq(leaf.balanceOf(alice), full);
    }

    function test_CorrectionRewardNeverNegative() public {
        Attestation memory p = _att(m);
        bytes32 pid = _final(alice, p);
        vm.prank(alice);
        reg.claimReward(p);
        Attestation memory c = _copy(p);
        c.energyWh = 1;
        c.supersedes = pid;
        _newEvidence(c);
        _final(alice, c);
        vm.prank(alice);
        (uint256 r, uint256 vr) = reg.claimReward(c);
        assertEq(r + vr, 0);
    }

    function test_CorrectionOfUnclaimedPaysFull() public {
        Attestation memory p = _att(m);
        bytes32 pid = _final(alice, p);
        Attestation memory c = _copy(p);
        c.energyWh = p.energyWh / 2;
        c.supersedes = pid;
        _newEvidence(c);
        _final(alice, c);
        // the superseded one's unclaimed reward is cancelled
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, pid, Status.Superseded)
        );
        vm.prank(alice);
        reg.claimReward(p);
        vm.prank(alice);
        (uint256 r,) = reg.claimReward(c);
        assertEq(r, _refReward(c.energyWh, c.locationIntensity, c.renewableBps, c.method, 475));
    }

    // ------------------------------------------------------------ views

    function test_Views() public {
        IAttestationRegistry.Params memory p = reg.getParams();
        assertEq(p.challengeWindow, WINDOW);
        assertEq(p.baselineIntensity, 475);
        assertEq(p.methodBps[0], 10_000);
        assertEq(p.methodBps[1], 8000);
        assertEq(p.methodBps[2], 0);
        assertEq(p.verifierBps, 1000);
        assertEq(p.efficiencyBps, 5000);
        assertEq(p.maxRewardPerAttestation, 1_000_000 ether);
        assertEq(p.disputeBond, BOND);
        assertEq(p.treasury, treasury);
        assertEq(address(reg.modelRegistry()), address(models));
        assertEq(address(reg.leaf()), address(leaf));
        assertEq(reg.efficiencyBonus(), address(bonus));
        assertEq(reg.ATTESTATION_TYPEHASH(), keccak256(bytes(reg.ATTESTATION_TYPE())));
        assertEq(reg.SUBMIT_ATTESTATION_TYPEHASH(), keccak256(bytes(reg.SUBMIT_ATTESTATION_TYPE())));
        assertEq(reg.VERIFIED_ATTESTATION_TYPEHASH(), keccak256(bytes(reg.VERIFIED_ATTESTATION_TYPE())));
        assertEq(reg.VERDICT_TYPEHASH(), keccak256(bytes(reg.VERDICT_TYPE())));
        assertEq(uint8(reg.effectiveStatus(bytes32(0))), uint8(Status.None));
    }

    function test_RevertWhen_ComputeRewardRenewableOutOfRange() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryRenewableOutOfRange.selector, 10_001)
        );
        reg.computeReward(1, 1, 10_001, Method.METER);
    }

    function test_RevertWhen_ClaimMissingModel() public {
        // ownerOf of a burnt or missing model bubbles up the registry's error
        Attestation memory a = _att(m);
        _final(alice, a);
        vm.mockCallRevert(
            address(models),
            abi.encodeWithSignature("ownerOf(uint256)", m),
            abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, m)
        );
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, m));
        vm.prank(alice);
        reg.claimReward(a);
    }
}
