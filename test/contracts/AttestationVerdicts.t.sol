// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Kind, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {OneModelBase} from "./Base.t.sol";

/// @dev Verdicts (verify, reject) and withdrawal of submitted attestations, and who may give them.
contract AttestationVerdictsTest is OneModelBase {
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
}
