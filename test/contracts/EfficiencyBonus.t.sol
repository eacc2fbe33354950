// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {IEfficiencyBonus} from "../../contracts/IEfficiencyBonus.sol";
import {Base} from "./Base.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

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

    /// @dev Tallies the runs of `modelId` not yet in its tally (as the SDK does), as a third party.
    function _tallyUntallied(uint256 modelId, Attestation[] memory runs) internal {
        uint256 n;
        for (uint256 i; i < runs.length; ++i) {
            if (reg.talliedEnergy(_id(runs[i])) == 0) ++n;
        }
        Attestation[] memory untallied = new Attestation[](n);
        n = 0;
        for (uint256 i; i < runs.length; ++i) {
            if (reg.talliedEnergy(_id(runs[i])) == 0) untallied[n++] = runs[i];
        }
        vm.prank(bob);
        reg.tallyTraining(modelId, untallied);
    }

    function _tallyBoth() internal {
        _tallyUntallied(child, childRuns);
        _tallyUntallied(parent, parentRuns);
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
        _tallyBoth();
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child);
    }

    function _expectApproveRevert(bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child);
    }

    function test_EfficiencyBonus() public {
        _prepare(250_000);
        vm.expectEmit(true, true, true, false, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRequested(child, parent, alice);
        _request();
        assertEq(bonus.bonusState(child), 1);
        // (1_000_000 - 250_000) * 475 / 1000 * 5000 / 10000 = 178_125 g = 178.125 LEAF
        uint256 expected = 178_125 * 1e15;
        _tallyBoth();
        vm.expectEmit(true, true, true, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusPaid(child, alice, verifier, 250_000, 1_000_000, expected, expected / 10);
        vm.prank(verifier);
        bonus.approveEfficiencyBonus(child);
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

    /// @dev Issue 12 I-3: efficiencyBps = 0 used up the model's only bonus for nothing (v1 paid 0, state 2).
    function test_RevertWhen_EfficiencyBonusDisabled() public {
        vm.prank(admin);
        reg.setEfficiencyBps(0);
        _prepare(1);
        _request();
        _tallyBoth();
        _expectApproveRevert(abi.encodeWithSignature("EfficiencyBonusDisabled()"));
        assertEq(bonus.bonusState(child), 1, "the request stays pending");
        vm.prank(admin);
        reg.setEfficiencyBps(5000);
        _approve();
        assertGt(leaf.balanceOf(alice), 0);
    }

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

    function test_RejectEfficiencyBonus() public {
        _prepare(250_000);
        _request();
        vm.expectEmit(true, true, false, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRejected(child, verifier, keccak256("not comparable"));
        vm.prank(verifier);
        bonus.rejectEfficiencyBonus(child, keccak256("not comparable"));
        assertEq(bonus.bonusState(child), 0);
        assertEq(bonus.rejectedAt(child), block.timestamp);
        // SPEC 6 (v1.1): the owner may request again after bonusRetryDelay (default 1 day)
        vm.expectRevert(
            abi.encodeWithSignature("EfficiencyBonusRetryTooSoon(uint256,uint256)", child, block.timestamp + 1 days)
        );
        _request();
        vm.warp(block.timestamp + 1 days);
        _request();
        assertEq(bonus.bonusState(child), 1);
    }

    // ------------------------------------------------------------ issue 12 L-5: a rejection is not final

    function _rejected() internal {
        _prepare(250_000);
        _request();
        vm.prank(verifier2);
        bonus.rejectEfficiencyBonus(child, keccak256("front-run"));
    }

    function test_ArbiterApprovesRejectedRequest() public {
        _rejected();
        _tallyBoth();
        uint256 expected = 178_125 * 1e15;
        vm.expectEmit(true, true, true, true, address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusPaid(child, alice, arbiter, 250_000, 1_000_000, expected, 0);
        // v1: EfficiencyBonusNotVerifier, and a verifier could only wait for a request the rejecter rejects again
        vm.prank(arbiter);
        bonus.approveEfficiencyBonus(child);
        assertEq(leaf.balanceOf(alice), expected);
        assertEq(leaf.balanceOf(arbiter), 0, "an arbiter's ruling earns no verifier share");
        assertEq(bonus.bonusState(child), 2);
    }

    function test_ArbiterApprovesPendingRequest() public {
        _prepare(250_000);
        _request();
        _tallyBoth();
        vm.prank(arbiter);
        bonus.approveEfficiencyBonus(child);
        assertEq(bonus.bonusState(child), 2);
    }

    function test_RevertWhen_ArbiterApprovesUnrequested() public {
        _prepare(250_000);
        _tallyBoth();
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
        vm.prank(arbiter);
        bonus.approveEfficiencyBonus(child);
    }

    function test_RevertWhen_VerifierApprovesRejected() public {
        _rejected();
        _expectApproveRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusNotRequested.selector, child));
    }

    function test_SetRetryDelay() public {
        vm.expectEmit(address(bonus));
        emit IEfficiencyBonus.EfficiencyBonusRetryDelaySet(1 days, 0);
        vm.prank(admin);
        bonus.setRetryDelay(0);
        assertEq(bonus.retryDelay(), 0);
        _rejected();
        _request(); // no wait
        assertEq(bonus.bonusState(child), 1);
    }

    function test_RevertWhen_SetRetryDelayNotAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, bytes32(0))
        );
        vm.prank(alice);
        bonus.setRetryDelay(0);
    }

    function test_RevertWhen_SetRetryDelayOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(IEfficiencyBonus.EfficiencyBonusRetryDelayOutOfRange.selector, 31 days));
        vm.prank(admin);
        bonus.setRetryDelay(31 days);
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
        effBps = uint16(bound(effBps, 1, 10_000));
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
