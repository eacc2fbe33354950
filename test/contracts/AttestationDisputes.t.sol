// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationDisputes} from "../../contracts/AttestationDisputes.sol";
import {Attestation, Kind, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {OneModelBase} from "./Base.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev Disputes within the challenge window, the arbiter's rulings and bond refunds.
contract AttestationDisputesTest is OneModelBase {
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
}
