// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IEfficiencyBonus} from "../../contracts/IEfficiencyBonus.sol";
import {BonusBase} from "./Base.t.sol";

/// @dev Every refusal of an efficiency bonus request or approval (ownership, lineage, sealing, tally, finality,
/// energy).
contract EfficiencyBonusRefusalsTest is BonusBase {
    function test_RevertWhen_BonusNotOwner() public {
        _prepare(250_000);
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotModelOwner.selector, child, bob));
        vm.prank(bob);
        bonus.requestEfficiencyBonus(child);
    }

    function test_RevertWhen_BonusNoParent() public {
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNoParent.selector, parent));
        vm.prank(alice);
        bonus.requestEfficiencyBonus(parent);
    }

    function test_RevertWhen_BonusModelNotSealed() public {
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotSealed.selector, child));
        _request();
    }

    function test_RevertWhen_BonusParentNotSealed() public {
        vm.prank(alice);
        models.sealTraining(child);
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotSealed.selector, parent));
        _request();
    }

    function test_RevertWhen_BonusOwnerMismatch() public {
        _prepare(250_000);
        vm.prank(alice);
        models.transferFrom(alice, bob, parent);
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusOwnerMismatch.selector, parent, bob));
        _request();
    }

    function test_RevertWhen_BonusSmallerModel() public {
        uint256 small = _registerChild(alice, parent, 1e9);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(small);
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusParameterCountTooLow.selector, 1e9, 7e9));
        bonus.requestEfficiencyBonus(small);
        vm.stopPrank();
    }

    function test_RevertWhen_BonusNotRequested() public {
        _prepare(250_000);
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
    }

    function test_RevertWhen_BonusApproveNotVerifier() public {
        _prepare(250_000);
        _request();
        _tallyBoth();
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotVerifier.selector, bob));
        vm.prank(bob);
        bonus.approveEfficiencyBonus(child);
    }

    function test_RevertWhen_BonusApproveOwnModel() public {
        _prepare(250_000);
        _request();
        vm.startPrank(alice);
        models.transferFrom(alice, verifier, parent);
        models.transferFrom(alice, verifier, child);
        vm.stopPrank();
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusVerifierIsOwner.selector, child, verifier)
        );
    }

    function test_RevertWhen_BonusIncompleteTally() public {
        _prepare(250_000);
        _request();
        _tallyUntallied(child, childRuns);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, parent, 0, 2)
        );
        Attestation[] memory one = new Attestation[](1);
        one[0] = parentRuns[0];
        _tallyUntallied(parent, one);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, parent, 1, 2)
        );
        _approve(); // tallies the other parent run
        assertEq(bonus.bonusState(child), 2);
    }

    function test_RevertWhen_BonusChildTallyIncomplete() public {
        _prepare(250_000);
        _request();
        _tallyUntallied(parent, parentRuns);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, child, 0, 1)
        );
    }

    function test_RevertWhen_BonusRunNotFinal() public {
        parentRuns.push(_run(parent, uint64(T0 - 30 days), 600_000));
        childRuns.push(_run(child, uint64(T0 - 20 days), 100));
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
        _request();
        bytes32 cid = _id(childRuns[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, cid, Status.Verified)
        );
        reg.tallyTraining(child, childRuns);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, child, 0, 1)
        );
        vm.warp(block.timestamp + WINDOW);
        _approve();
        assertEq(bonus.bonusState(child), 2);
    }

    /// @dev Issue 12 M-3 before payout: a pending correction of a tallied run makes the tally incomplete (the
    /// correction is live, not tallied) and, once verified, takes the restated run out of the tally.
    function test_RevertWhen_BonusCorrectionPending() public {
        _prepare(250_000);
        _request();
        _tallyBoth();
        Attestation memory c = _copy(childRuns[0]);
        c.energyWh = 2_000_000;
        c.supersedes = _id(childRuns[0]);
        _newEvidence(c);
        bytes32 cid = _submit(alice, c);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, child, 1, 2)
        );
        _verify(cid);
        (uint256 e, uint256 runs, uint256 live) = reg.trainingTally(child);
        assertEq(e, 0, "the restated run left the tally");
        assertEq(runs, 0);
        assertEq(live, 1);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, child, 0, 1)
        );
        vm.warp(block.timestamp + WINDOW);
        Attestation[] memory corrected = new Attestation[](1);
        corrected[0] = c;
        _tallyUntallied(child, corrected);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotMoreEfficient.selector, 2_000_000, 1_000_000)
        );
    }

    function test_RevertWhen_BonusNoEnergy() public {
        parentRuns.push(_run(parent, uint64(T0 - 30 days), 600_000));
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
        _request();
        _tallyBoth();
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNoTrainingEnergy.selector, child));
    }

    function test_RevertWhen_BonusNotMoreEfficient() public {
        _prepare(1_000_000);
        _request();
        _tallyBoth();
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotMoreEfficient.selector, 1_000_000, 1_000_000)
        );
    }
}
