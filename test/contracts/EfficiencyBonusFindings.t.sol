// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IEfficiencyBonus} from "../../contracts/IEfficiencyBonus.sol";
import {BonusBase} from "./Base.t.sol";

/// @dev Regression tests of issue 12 for the efficiency bonus: M-4 (siblings share the parent's budget, estimates
/// never count) and M-3 (the counted runs are locked).
contract EfficiencyBonusFindingsTest is BonusBase {
    // ------------------------------------------------------------ issue 12 M-4: budget and estimates

    /// @dev One parent (1,000,000 Wh) and three sealed children of 250,000 Wh each, all Final.
    function _siblings()
        internal
        returns (uint256 second, uint256 third, Attestation[] memory r2, Attestation[] memory r3)
    {
        second = _registerChild(alice, parent, 7e9);
        third = _registerChild(alice, parent, 7e9);
        r2 = new Attestation[](1);
        r3 = new Attestation[](1);
        r2[0] = _run(second, uint64(T0 - 20 days), 250_000);
        r3[0] = _run(third, uint64(T0 - 20 days), 250_000);
        _prepare(250_000);
        vm.startPrank(alice);
        models.sealTraining(second);
        models.sealTraining(third);
        bonus.requestEfficiencyBonus(second);
        bonus.requestEfficiencyBonus(third);
        vm.stopPrank();
    }

    function test_SiblingsShareParentBudget() public {
        (uint256 second, uint256 third, Attestation[] memory r2, Attestation[] memory r3) = _siblings();
        _request();
        _approve(); // saving 750,000 Wh of the parent's 1,000,000
        assertEq(bonus.savingsUsed(parent), 750_000);
        _tallyUntallied(second, r2);
        _tallyUntallied(third, r3);
        uint256 before = leaf.balanceOf(alice);
        vm.expectEmit(true, true, false, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusSavingsUsed(parent, second, 250_000, 1_000_000);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(second);
        // only the 250,000 Wh left: 250,000 * 475 / 1000 * 5000 / 10000 = 59,375 g (v1 paid 178,125 g again)
        assertEq(leaf.balanceOf(alice) - before, 59_375 * 1e15, "second sibling paid only what was left");
        vm.expectRevert(abi.encodeWithSignature("EfficiencyBonusBudgetSpent(uint256,uint256)", parent, 1_000_000));
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(third);
    }

    function testFuzz_ParentBudgetNeverExceeded(uint64 e1, uint64 e2) public {
        e1 = uint64(bound(e1, 1, 999_999));
        e2 = uint64(bound(e2, 1, 999_999));
        uint256 second = _registerChild(alice, parent, 7e9);
        Attestation[] memory r2 = new Attestation[](1);
        r2[0] = _run(second, uint64(T0 - 20 days), e2);
        _prepare(e1);
        vm.startPrank(alice);
        models.sealTraining(second);
        bonus.requestEfficiencyBonus(second);
        vm.stopPrank();
        _request();
        _approve();
        _tallyUntallied(second, r2);
        uint256 left = 1_000_000 - (1_000_000 - uint256(e1));
        uint256 saving = 1_000_000 - uint256(e2);
        if (saving > left) saving = left;
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(second);
        assertEq(bonus.savingsUsed(parent), (1_000_000 - uint256(e1)) + saving);
        assertLe(bonus.savingsUsed(parent), 1_000_000, "parent budget exceeded");
        uint256 g = (1_000_000 - uint256(e1)) * 475 / 1000 * 5000 / 10_000 + saving * 475 / 1000 * 5000 / 10_000;
        assertEq(leaf.balanceOf(alice), g * 1e15);
    }

    function test_RevertWhen_BonusCountsEstimateRun() public {
        // the exploit: a 10 GWh ESTIMATE parent funded the 1,000,000 LEAF cap per child
        Attestation memory est = _att(parent, Kind.PRETRAINING, uint64(T0 - 30 days), uint64(T0 - 29 days));
        est.method = Method.ESTIMATE;
        est.energyWh = 1e10;
        _submit(alice, est);
        _verify(_id(est));
        parentRuns.push(est);
        childRuns.push(_run(child, uint64(T0 - 20 days), 1));
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(parent);
        models.sealTraining(child);
        vm.stopPrank();
        _request();
        // v1.1: the estimate can never be tallied, so the parent's tally stays incomplete and nothing is paid
        vm.expectRevert(abi.encodeWithSignature("AttestationRegistryEstimateRun(bytes32)", _id(est)));
        vm.prank(bob);
        reg.tallyTraining(parent, parentRuns);
        _tallyUntallied(child, childRuns);
        _expectApproveRevert(
            abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, parent, 0, 1)
        );
        assertEq(leaf.totalSupply(), 0);
    }

    /// @dev A live ESTIMATE run next to Final METER runs: the METER runs are tallied, the estimate never is.
    function test_RevertWhen_BonusParentHasEstimateBesideMeterRuns() public {
        _prepare(250_000);
        // sealing refuses new runs: a second parent with an ESTIMATE run among its METER runs
        uint256 p2 = _register(alice);
        uint256 c2 = _registerChild(alice, p2, 7e9);
        Attestation[] memory pr = new Attestation[](1);
        pr[0] = _run(p2, uint64(T0 - 30 days), 600_000);
        Attestation memory est = _att(p2, Kind.PRETRAINING, uint64(T0 - 29 days), uint64(T0 - 28 days));
        est.method = Method.ESTIMATE;
        _submit(alice, est);
        _verify(_id(est));
        Attestation[] memory cr = new Attestation[](1);
        cr[0] = _run(c2, uint64(T0 - 20 days), 100);
        vm.warp(block.timestamp + WINDOW);
        vm.startPrank(alice);
        models.sealTraining(p2);
        models.sealTraining(c2);
        bonus.requestEfficiencyBonus(c2);
        vm.stopPrank();
        _tallyUntallied(p2, pr);
        _tallyUntallied(c2, cr);
        (uint256 e, uint256 runs, uint256 live) = reg.trainingTally(p2);
        assertEq(e, 600_000);
        assertEq(runs, 1);
        assertEq(live, 2, "the estimate is live but never tallied");
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusTallyIncomplete.selector, p2, 1, 2));
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(c2);
    }

    // ------------------------------------------------------------ issue 12 M-3: the counted runs are locked

    function test_RevertWhen_RestatingBonusRuns() public {
        _prepare(250_000);
        _request();
        _approve();
        // v1: the child's run restated at twice the parent's energy, the bonus kept and the run paid too
        Attestation memory c = _copy(childRuns[0]);
        c.energyWh = 2_000_000;
        c.supersedes = _id(childRuns[0]);
        _newEvidence(c);
        vm.expectRevert(abi.encodeWithSignature("AttestationRegistryTrainingLocked(uint256)", child));
        vm.prank(alice);
        reg.submit(c);
        Attestation memory pc = _copy(parentRuns[0]);
        pc.energyWh = 1;
        pc.supersedes = _id(parentRuns[0]);
        _newEvidence(pc);
        vm.expectRevert(abi.encodeWithSignature("AttestationRegistryTrainingLocked(uint256)", parent));
        vm.prank(alice);
        reg.submit(pc);
    }

    function test_OtherKindsStayCorrectableAfterBonus() public {
        Attestation memory inf = _att(child);
        bytes32 infId = _submit(alice, inf);
        _prepare(250_000);
        _request();
        _approve();
        Attestation memory c = _copy(inf);
        c.energyWh = 7;
        c.supersedes = infId;
        _newEvidence(c);
        _submit(alice, c);
    }

    function test_RevertWhen_LockTrainingNotBonus() public {
        vm.prank(alice);
        (bool ok, bytes memory ret) = address(reg).call(abi.encodeWithSignature("lockTraining(uint256)", child));
        assertFalse(ok);
        assertEq(
            ret, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotEfficiencyBonus.selector, alice)
        );
    }

    function test_RevertWhen_BonusRequestedTwiceAfterPaid() public {
        _prepare(250_000);
        _request();
        _approve();
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusAlreadyPaid.selector, child));
        _request();
    }
}
