// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {OneModelBase} from "./Base.t.sol";

/// @dev submit: what a submission stores and emits, and every refusal (fields out of range, period, ownership,
/// sealed training, overlap, pause).
contract AttestationSubmitTest is OneModelBase {
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
}
