// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {OneModelBase} from "./Base.t.sol";

/// @dev Corrections (supersedes): what they may restate, when they supersede, and every refusal.
contract AttestationCorrectionsTest is OneModelBase {
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
}
