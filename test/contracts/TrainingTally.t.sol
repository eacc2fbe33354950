// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationTally} from "../../contracts/AttestationTally.sol";
import {Attestation, Kind, Method, Status} from "../../contracts/Common.sol";
import {IAttestationRegistry} from "../../contracts/IAttestationRegistry.sol";
import {Base} from "./Base.t.sol";

/// @dev SPEC 6 (v1.1) "Approving costs bounded gas": the training tally of Final METER/SOFTWARE PRETRAINING runs,
/// each refusal, and its upkeep when a verified correction supersedes a tallied run.
contract TrainingTallyTest is Base {
    uint256 internal m;
    uint256 internal other;

    function setUp() public override {
        super.setUp();
        m = _register(alice);
        other = _register(alice);
    }

    /// @dev A PRETRAINING run of `modelId` on day `day` (counted back from T0), submitted and verified.
    function _run(uint256 modelId, uint256 day, uint64 energy) internal returns (Attestation memory a) {
        a = _att(modelId, Kind.PRETRAINING, uint64(T0 - 100 days + day * 1 days), uint64(T0 - 99 days + day * 1 days));
        a.energyWh = energy;
        _submit(alice, a);
        _verify(_id(a));
    }

    function _one(Attestation memory a) internal pure returns (Attestation[] memory runs) {
        runs = new Attestation[](1);
        runs[0] = a;
    }

    function _tally(uint256 modelId, Attestation[] memory runs) internal {
        vm.prank(bob); // anyone
        reg.tallyTraining(modelId, runs);
    }

    function _assertTally(uint256 modelId, uint256 energy, uint256 runs, uint256 live) internal view {
        (uint256 e, uint256 r, uint256 l) = reg.trainingTally(modelId);
        assertEq(e, energy, "tallied energy");
        assertEq(r, runs, "tallied runs");
        assertEq(l, live, "live runs");
    }

    function _expectTallyRevert(uint256 modelId, Attestation[] memory runs, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(bob);
        reg.tallyTraining(modelId, runs);
    }

    function test_TallyTraining() public {
        Attestation[] memory runs = new Attestation[](2);
        runs[0] = _run(m, 0, 600_000);
        runs[1] = _run(m, 1, 400_000);
        vm.warp(block.timestamp + WINDOW);
        _assertTally(m, 0, 0, 2);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.TrainingRunTallied(m, _id(runs[0]), 600_000);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.TrainingRunTallied(m, _id(runs[1]), 400_000);
        _tally(m, runs);
        _assertTally(m, 1_000_000, 2, 2);
        assertEq(reg.talliedEnergy(_id(runs[0])), 600_000);
        assertEq(reg.talliedEnergy(_id(runs[1])), 400_000);
        _assertTally(other, 0, 0, 0);
    }

    function test_TallySoftwareAndClaimedRuns() public {
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 10 days), uint64(T0 - 9 days));
        a.method = Method.SOFTWARE;
        a.energyWh = 7;
        _final(alice, a);
        vm.prank(alice);
        reg.claimReward(a); // a claimed run stays Final and live
        _tally(m, _one(a));
        _assertTally(m, 7, 1, 1);
    }

    function test_TallyEmptyChunk() public {
        _tally(m, new Attestation[](0));
        _assertTally(m, 0, 0, 0);
    }

    function testFuzz_TallyInChunks(uint256 n, uint256 chunk, uint256 seed) public {
        n = bound(n, 1, 24);
        chunk = bound(chunk, 1, n);
        Attestation[] memory all = new Attestation[](n);
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            uint64 e = uint64(bound(uint256(keccak256(abi.encode(seed, i))), 1, type(uint64).max));
            all[i] = _run(m, i, e);
            sum += e;
        }
        vm.warp(block.timestamp + WINDOW);
        uint256 done;
        while (done < n) {
            uint256 k = n - done < chunk ? n - done : chunk;
            Attestation[] memory part = new Attestation[](k);
            for (uint256 i; i < k; ++i) {
                part[i] = all[done + i];
            }
            _tally(m, part);
            done += k;
            (, uint256 runs, uint256 live) = reg.trainingTally(m);
            assertEq(runs, done);
            assertEq(live, n);
        }
        _assertTally(m, sum, n, n);
    }

    // ------------------------------------------------------------ refusals

    function test_RevertWhen_TallyUnknownRun() public {
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 10 days), uint64(T0 - 9 days));
        _expectTallyRevert(
            m,
            _one(a),
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotTrainingRun.selector, _id(a), m)
        );
    }

    function test_RevertWhen_TallyOtherModelsRun() public {
        Attestation memory a = _run(other, 0, 5);
        vm.warp(block.timestamp + WINDOW);
        _expectTallyRevert(
            m,
            _one(a),
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotTrainingRun.selector, _id(a), m)
        );
    }

    function test_RevertWhen_TallyNotPretraining() public {
        Attestation memory a = _att(m, Kind.FINETUNING, uint64(T0 - 10 days), uint64(T0 - 9 days));
        _final(alice, a);
        _expectTallyRevert(
            m,
            _one(a),
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotTrainingRun.selector, _id(a), m)
        );
    }

    /// @dev Estimates never count (SPEC 6, v1.1): a Final ESTIMATE run can never be tallied.
    function test_RevertWhen_TallyEstimate() public {
        Attestation memory a = _att(m, Kind.PRETRAINING, uint64(T0 - 10 days), uint64(T0 - 9 days));
        a.method = Method.ESTIMATE;
        _final(alice, a);
        _expectTallyRevert(
            m, _one(a), abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryEstimateRun.selector, _id(a))
        );
        _assertTally(m, 0, 0, 1);
    }

    function _expectNotFinal(Attestation memory a, Status status) internal {
        _expectTallyRevert(
            m,
            _one(a),
            abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryNotFinal.selector, _id(a), status)
        );
    }

    function test_RevertWhen_TallyNotFinal() public {
        Attestation memory submitted = _att(m, Kind.PRETRAINING, uint64(T0 - 10 days), uint64(T0 - 9 days));
        _submit(alice, submitted);
        _expectNotFinal(submitted, Status.Submitted);
        Attestation memory verified = _att(m, Kind.PRETRAINING, uint64(T0 - 9 days), uint64(T0 - 8 days));
        _submit(alice, verified);
        _verify(_id(verified));
        _expectNotFinal(verified, Status.Verified);
        vm.prank(challenger);
        reg.dispute{value: BOND}(_id(verified), "ipfs://reason");
        _expectNotFinal(verified, Status.Disputed);
        vm.prank(arbiter);
        reg.upholdDispute(_id(verified), bytes32(0));
        _expectNotFinal(verified, Status.Invalidated);
        vm.prank(verifier);
        reg.reject(_id(submitted), bytes32(0));
        _expectNotFinal(submitted, Status.Rejected);
        Attestation memory withdrawn = _att(m, Kind.PRETRAINING, uint64(T0 - 8 days), uint64(T0 - 7 days));
        _submit(alice, withdrawn);
        vm.prank(alice);
        reg.withdraw(_id(withdrawn));
        _expectNotFinal(withdrawn, Status.Withdrawn);
        // the window over while paused does not count: the clock stops (and a paused registry refuses anyway)
        _assertTally(m, 0, 0, 0);
    }

    function test_RevertWhen_TallySuperseded() public {
        Attestation memory a = _run(m, 0, 5);
        Attestation memory c = _copy(a);
        c.energyWh = 6;
        c.supersedes = _id(a);
        _newEvidence(c);
        _submit(alice, c);
        _verify(_id(c));
        vm.warp(block.timestamp + WINDOW);
        _expectNotFinal(a, Status.Superseded);
        _tally(m, _one(c));
        _assertTally(m, 6, 1, 1);
    }

    function test_RevertWhen_TallyTwice() public {
        Attestation memory a = _run(m, 0, 5);
        vm.warp(block.timestamp + WINDOW);
        _tally(m, _one(a));
        _expectTallyRevert(
            m, _one(a), abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryAlreadyTallied.selector, _id(a))
        );
        Attestation[] memory twice = new Attestation[](2);
        Attestation memory b = _run(m, 1, 7);
        vm.warp(block.timestamp + WINDOW);
        (twice[0], twice[1]) = (b, b);
        _expectTallyRevert(
            m, twice, abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryAlreadyTallied.selector, _id(b))
        );
        _assertTally(m, 5, 1, 2);
    }

    /// @dev One bad run refuses the whole chunk: nothing of it is tallied.
    function test_RevertWhen_TallyChunkHasBadRun() public {
        Attestation[] memory runs = new Attestation[](2);
        runs[0] = _run(m, 0, 5);
        vm.warp(block.timestamp + WINDOW);
        runs[1] = _run(m, 1, 7); // not Final yet
        _expectTallyRevert(
            m,
            runs,
            abi.encodeWithSelector(
                IAttestationRegistry.AttestationRegistryNotFinal.selector, _id(runs[1]), Status.Verified
            )
        );
        assertEq(reg.talliedEnergy(_id(runs[0])), 0);
        _assertTally(m, 0, 0, 2);
    }

    function test_RevertWhen_TallyPaused() public {
        Attestation memory a = _run(m, 0, 5);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(pauser);
        reg.pause();
        _expectTallyRevert(m, _one(a), abi.encodeWithSelector(IAttestationRegistry.AttestationRegistryPaused.selector));
        vm.prank(pauser);
        reg.unpause();
        _tally(m, _one(a));
    }

    /// @dev The tally code lives in AttestationTally (created by the registry, its nonce 2) and runs only by
    /// delegatecall from the registry.
    function test_RevertWhen_TallyCalledDirectly() public {
        AttestationTally code = AttestationTally(vm.computeCreateAddress(address(reg), 2));
        assertEq(code.registry(), address(reg));
        Attestation memory a = _run(m, 0, 5);
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(AttestationTally.AttestationTallyNotDelegated.selector);
        code.tallyTraining(m, _one(a));
    }

    // ------------------------------------------------------------ supersession of a tallied run

    function _correction(Attestation memory a, uint64 energy) internal pure returns (Attestation memory c) {
        c = _copy(a);
        c.energyWh = energy;
        c.supersedes = _id(a);
        _newEvidence(c);
    }

    function test_SupersedeTalliedRunLowersTally() public {
        Attestation[] memory runs = new Attestation[](2);
        runs[0] = _run(m, 0, 600_000);
        runs[1] = _run(m, 1, 400_000);
        vm.warp(block.timestamp + WINDOW);
        _tally(m, runs);
        Attestation memory c = _correction(runs[0], 100_000);
        _submit(alice, c);
        _assertTally(m, 1_000_000, 2, 3); // the pending correction is live, not tallied: incomplete
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.TrainingRunUntallied(m, _id(runs[0]), 600_000);
        _verify(_id(c));
        _assertTally(m, 400_000, 1, 2);
        assertEq(reg.talliedEnergy(_id(runs[0])), 0);
        vm.warp(block.timestamp + WINDOW);
        _tally(m, _one(c));
        _assertTally(m, 500_000, 2, 2);
    }

    /// @dev The same upkeep when the correction lands Verified with a verifier's signature.
    function test_SupersedeTalliedRunBySubmitVerified() public {
        Attestation memory a = _run(m, 0, 600_000);
        vm.warp(block.timestamp + WINDOW);
        _tally(m, _one(a));
        Attestation memory c = _correction(a, 50);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = _verifiedSig(verifierPk, c, reg.nonces(verifier), deadline);
        uint256 n = reg.nonces(verifier);
        vm.expectEmit(true, true, false, true, address(reg));
        emit IAttestationRegistry.TrainingRunUntallied(m, _id(a), 600_000);
        vm.prank(alice);
        reg.submitVerified(c, verifier, n, deadline, sig);
        _assertTally(m, 0, 0, 1);
    }

    /// @dev Superseding a run that was never tallied leaves the tally alone.
    function test_SupersedeUntalliedRunKeepsTally() public {
        Attestation[] memory runs = new Attestation[](2);
        runs[0] = _run(m, 0, 600_000);
        runs[1] = _run(m, 1, 400_000);
        vm.warp(block.timestamp + WINDOW);
        _tally(m, _one(runs[1]));
        Attestation memory c = _correction(runs[0], 1);
        _submit(alice, c);
        _verify(_id(c));
        _assertTally(m, 400_000, 1, 2);
    }
}
