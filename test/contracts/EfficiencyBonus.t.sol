// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Status} from "../../contracts/Common.sol";
import {IEfficiencyBonus} from "../../contracts/IEfficiencyBonus.sol";
import {Base} from "./Base.t.sol";

contract EfficiencyBonusTest is Base {
    uint256 internal parent;
    uint256 internal child;
    Attestation[] internal parentRuns;
    Attestation[] internal childRuns;

    function setUp() public override {
        super.setUp();
        parent = _register(alice);
        child = _registerChild(alice, parent, 7e9);
    }

    function _run(uint256 modelId, uint64 start, uint64 energy) internal returns (Attestation memory a) {
        a = _att(modelId, Kind.PRETRAINING, start, start + 1 days);
        a.energyWh = energy;
        _submit(alice, a);
        _verify(_id(a));
    }

    function _sorted(Attestation[] storage runs) internal view returns (Attestation[] memory out) {
        out = new Attestation[](runs.length);
        for (uint256 i; i < runs.length; ++i) {
            out[i] = runs[i];
        }
        for (uint256 i; i < out.length; ++i) {
            for (uint256 j = i + 1; j < out.length; ++j) {
                if (uint256(_id(out[j])) < uint256(_id(out[i]))) (out[i], out[j]) = (out[j], out[i]);
            }
        }
    }

    /// @dev parent: two runs of 600 + 400 kWh; child: one run of `childEnergy`; all Final, both sealed.
    function _prepare(uint64 childEnergy) internal {
        parentRuns.push(_run(parent, uint64(T0 - 30 days), 600_000));
        parentRuns.push(_run(parent, uint64(T0 - 29 days), 400_000));
        childRuns.push(_run(child, uint64(T0 - 20 days), childEnergy));
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
    }

    function _request() internal {
        vm.prank(alice);
        bonus.requestEfficiencyBonus(child);
    }

    function _approve() internal {
        Attestation[] memory c = _sorted(childRuns);
        Attestation[] memory p = _sorted(parentRuns);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child, c, p);
    }

    function _expectApproveRevert(bytes memory err) internal {
        Attestation[] memory c = _sorted(childRuns);
        Attestation[] memory p = _sorted(parentRuns);
        vm.expectRevert(err);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child, c, p);
    }

    function test_EfficiencyBonus() public {
        _prepare(250_000);
        vm.expectEmit(true, true, true, false, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRequested(child, parent, alice);
        _request();
        assertEq(bonus.bonusState(child), 1);
        // (1_000_000 - 250_000) * 475 / 1000 * 5000 / 10000 = 178_125 g = 178.125 LEAF
        uint256 expected = 178_125 * 1e15;
        vm.expectEmit(true, true, true, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusPaid(child, alice, verifier, 250_000, 1_000_000, expected, expected / 10);
        _approve();
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(verifier), expected / 10);
        assertEq(bonus.bonusState(child), 2);
        assertEq(address(bonus.attestations()), address(reg));
        assertEq(address(bonus.models()), address(models));
    }

    function test_EfficiencyBonusCapped() public {
        vm.prank(admin);
        reg.setMaxRewardPerAttestation(1 ether);
        vm.prank(admin);
        reg.setVerifierBps(0);
        _prepare(1);
        _request();
        _approve();
        assertEq(leaf.balanceOf(alice), 1 ether);
        assertEq(leaf.balanceOf(verifier), 0);
    }

    function test_EfficiencyBonusZeroShare() public {
        vm.prank(admin);
        reg.setEfficiencyBps(0);
        _prepare(1);
        _request();
        _approve();
        assertEq(leaf.totalSupply(), 0);
        assertEq(bonus.bonusState(child), 2);
    }

    function test_RevertWhen_BonusRequestedTwiceAfterPaid() public {
        _prepare(250_000);
        _request();
        _approve();
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusAlreadyPaid.selector, child));
        _request();
    }

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
        Attestation[] memory c = _sorted(childRuns);
        Attestation[] memory p = _sorted(parentRuns);
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotVerifier.selector, bob));
        vm.prank(bob);
        bonus.approveEfficiencyBonus(child, c, p);
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

    function test_RevertWhen_BonusIncompleteRuns() public {
        _prepare(250_000);
        _request();
        parentRuns.pop();
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusRunsIncomplete.selector, parent, 1, 2)
        );
    }

    function test_RevertWhen_BonusRunsDuplicated() public {
        _prepare(250_000);
        _request();
        Attestation[] memory c = _sorted(childRuns);
        Attestation[] memory p = new Attestation[](2);
        p[0] = parentRuns[0];
        p[1] = parentRuns[0];
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusRunsNotSorted.selector, _id(p[1])));
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child, c, p);
    }

    function test_RevertWhen_BonusForeignRun() public {
        _prepare(250_000);
        _request();
        // the child's run passed as the parent's single run (count matches only if the parent had one run)
        Attestation[] memory c = _sorted(childRuns);
        Attestation[] memory p = new Attestation[](2);
        Attestation[] memory sp = _sorted(parentRuns);
        p[0] = sp[0];
        p[1] = c[0];
        if (uint256(_id(p[1])) < uint256(_id(p[0]))) (p[0], p[1]) = (p[1], p[0]);
        bytes32 foreign = _id(c[0]);
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotModelRun.selector, foreign, parent));
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child, c, p);
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
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusRunNotFinal.selector, cid, Status.Verified)
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
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNoTrainingEnergy.selector, child));
    }

    function test_RevertWhen_BonusNotMoreEfficient() public {
        _prepare(1_000_000);
        _request();
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotMoreEfficient.selector, 1_000_000, 1_000_000)
        );
    }

    function test_RejectEfficiencyBonus() public {
        _prepare(250_000);
        _request();
        vm.expectEmit(true, true, false, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRejected(child, verifier, keccak256("not comparable"));
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, keccak256("not comparable"));
        assertEq(bonus.bonusState(child), 0);
        _request();
        assertEq(bonus.bonusState(child), 1);
    }

    function test_RevertWhen_RejectBonusNotRequested() public {
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, bytes32(0));
    }

    function test_RevertWhen_BonusPaused() public {
        _prepare(250_000);
        vm.prank(pauser);
        reg.pause();
        vm.expectRevert(IEfficiencyBonus.EfficiencyBonusPaused.selector);
        _request();
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusPaused.selector));
        vm.expectRevert(IEfficiencyBonus.EfficiencyBonusPaused.selector);
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, bytes32(0));
    }

    function testFuzz_EfficiencyBonusFormula(uint64 e, uint64 ep, uint16 baseline, uint16 effBps) public {
        ep = uint64(bound(ep, 2, type(uint64).max / 4));
        e = uint64(bound(e, 1, ep - 1));
        baseline = uint16(bound(baseline, 1, 2000));
        effBps = uint16(bound(effBps, 0, 10_000));
        vm.startPrank(admin);
        reg.setBaselineIntensity(baseline);
        reg.setEfficiencyBps(effBps);
        vm.stopPrank();
        parentRuns.push(_run(parent, uint64(T0 - 30 days), ep));
        childRuns.push(_run(child, uint64(T0 - 20 days), e));
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
        _request();
        _approve();
        uint256 g = (uint256(ep) - e) * baseline / 1000 * effBps / 10_000;
        uint256 expected = g * 1e18 / 1000;
        if (expected > 1_000_000 ether) expected = 1_000_000 ether;
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(verifier), expected * 1000 / 10_000);
    }
}
