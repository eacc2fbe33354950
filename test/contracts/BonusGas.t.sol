// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind} from "../../contracts/Common.sol";
import {Base} from "./Base.t.sol";
import {VmSafe} from "forge-std/Vm.sol";

/// @notice Issue 12 I-6 / SPEC 6 (v1.1) "Approving costs bounded gas": approving an efficiency bonus costs the same
/// with 1,000 runs per model as with 1, and what tallying costs per run. Whole-transaction gas measured as in
/// GasTest (execution seen from the test minus the CALL's cold account access, plus the intrinsic cost); the
/// preconditions are built in setUp, a separate transaction, so every slot is cold in the measured call.
contract BonusGasTest is Base {
    uint256 internal constant COLD_ACCOUNT_ACCESS = 2600;
    uint256 internal constant MANY = 1000;
    uint256 internal constant CHUNK = 100;
    uint256 internal smallChild;
    uint256 internal bigChild;
    uint256 internal tallyModel;
    uint256 internal warmChild;
    Attestation[] internal chunkRuns;
    Attestation[] internal oneRun;

    function setUp() public override {
        // gas figures are for the optimized build; `forge coverage` compiles without the optimizer
        if (vm.isContext(VmSafe.ForgeContext.Coverage)) vm.skip(true);
        super.setUp();
        uint256 smallParent = _register(alice);
        smallChild = _registerChild(alice, smallParent, 7e9);
        uint256 bigParent = _register(alice);
        bigChild = _registerChild(alice, bigParent, 7e9);
        tallyModel = _register(alice);
        uint256 warmParent = _register(alice);
        warmChild = _registerChild(alice, warmParent, 7e9);
        // steady state: LEAF exists and the owner and the verifier hold some (an earlier claim)
        Attestation memory first = _att(tallyModel, Kind.INFERENCE, uint64(T0 - 30 days), uint64(T0 - 29 days));
        _final(alice, first);
        vm.prank(alice);
        reg.claimReward(first);
        Attestation[] memory sp = _runs(smallParent, 1, 1000);
        Attestation[] memory sc = _runs(smallChild, 1, 10);
        Attestation[] memory bp = _runs(bigParent, MANY, 1000);
        Attestation[] memory bc = _runs(bigChild, MANY, 10);
        Attestation[] memory tr = _runs(tallyModel, CHUNK + 1, 10);
        Attestation[] memory wp = _runs(warmParent, 1, 1000);
        Attestation[] memory wc = _runs(warmChild, 1, 10);
        vm.warp(block.timestamp + WINDOW);
        _tallyAll(smallParent, sp);
        _tallyAll(smallChild, sc);
        _tallyAll(bigParent, bp);
        _tallyAll(bigChild, bc);
        _tallyAll(warmParent, wp);
        _tallyAll(warmChild, wc);
        for (uint256 i; i < CHUNK; ++i) {
            chunkRuns.push(tr[i]);
        }
        oneRun.push(tr[CHUNK]);
        vm.startPrank(alice);
        models.sealTraining(smallParent);
        models.sealTraining(smallChild);
        models.sealTraining(bigParent);
        models.sealTraining(bigChild);
        models.sealTraining(warmParent);
        models.sealTraining(warmChild);
        bonus.requestEfficiencyBonus(smallChild);
        bonus.requestEfficiencyBonus(bigChild);
        bonus.requestEfficiencyBonus(warmChild);
        vm.stopPrank();
    }

    /// @dev `n` Final-to-be METER PRETRAINING runs of `energy` Wh each, one hour apart, oldest first.
    function _runs(uint256 modelId, uint256 n, uint64 energy) internal returns (Attestation[] memory runs) {
        runs = new Attestation[](n);
        uint64 start = uint64(T0 - 200 days);
        for (uint256 i; i < n; ++i) {
            Attestation memory a =
                _att(modelId, Kind.PRETRAINING, start + uint64(i) * 1 hours, start + uint64(i + 1) * 1 hours);
            a.energyWh = energy;
            runs[i] = a;
            _submit(alice, a);
            _verify(_id(a));
        }
    }

    function _tallyAll(uint256 modelId, Attestation[] memory runs) internal {
        for (uint256 done; done < runs.length; done += CHUNK) {
            uint256 k = runs.length - done < CHUNK ? runs.length - done : CHUNK;
            Attestation[] memory part = new Attestation[](k);
            for (uint256 i; i < k; ++i) {
                part[i] = runs[done + i];
            }
            reg.tallyTraining(modelId, part);
        }
    }

    function _tx(address from, address to, bytes memory data, string memory name) internal returns (uint256 total) {
        uint256 zeros;
        for (uint256 i; i < data.length; ++i) {
            if (data[i] == 0) ++zeros;
        }
        uint256 tokens = zeros + (data.length - zeros) * 4;
        vm.prank(from);
        uint256 g1 = gasleft();
        (bool ok,) = to.call(data);
        uint256 exec = g1 - gasleft() - COLD_ACCOUNT_ACCESS;
        assertTrue(ok, name);
        total = 21_000 + tokens * 4 + exec;
        uint256 floor = 21_000 + tokens * 10; // EIP-7623
        if (floor > total) total = floor;
        emit log_named_uint(name, total);
    }

    function _approveGas(uint256 child, string memory name) internal returns (uint256) {
        return _tx(verifier, address(bonus), abi.encodeCall(bonus.approveEfficiencyBonus, (child)), name);
    }

    /// @dev Whole transaction, every slot cold, steady state (owner and verifier hold LEAF); the parent's savings
    /// used is a fresh slot (~22.1k), the training locks live in the tally words (warm by then).
    function test_Gas_ApproveBonusOneRun() public {
        assertLe(_approveGas(smallChild, "approveEfficiencyBonus, 1 run per model"), 150_000);
    }

    function test_Gas_ApproveBonusThousandRuns() public {
        assertLe(_approveGas(bigChild, "approveEfficiencyBonus, 1,000 runs per model"), 150_000);
        assertEq(bonus.bonusState(bigChild), 2);
        (uint256 e, uint256 runs, uint256 live) = reg.trainingTally(bigChild);
        assertEq(e, MANY * 10);
        assertEq(runs, MANY);
        assertEq(live, MANY);
    }

    /// @dev The two in one test: a first approval of a third model (reverted) warms what every approval shares, so
    /// that the two measured ones differ only in their own models' slots, both cold.
    function test_Gas_ApproveBonusIndependentOfRuns() public {
        uint256 snap = vm.snapshotState();
        _approveGas(warmChild, "warm-up");
        vm.revertToState(snap);
        uint256 one = _approveGas(smallChild, "1 run per model, shared slots warm");
        vm.revertToState(snap);
        uint256 many = _approveGas(bigChild, "1,000 runs per model, shared slots warm");
        uint256 diff = many > one ? many - one : one - many;
        assertLe(diff, 300, "approval gas depends on the number of runs");
    }

    /// @dev A chunk of 100 runs and a single run: the marginal cost of a run is (chunk - one) / 99.
    function test_Gas_TallyPerRun() public {
        uint256 snap = vm.snapshotState();
        uint256 one = _tx(bob, address(reg), abi.encodeCall(reg.tallyTraining, (tallyModel, oneRun)), "tally, 1 run");
        vm.revertToState(snap);
        uint256 chunk =
            _tx(bob, address(reg), abi.encodeCall(reg.tallyTraining, (tallyModel, chunkRuns)), "tally, 100 runs");
        uint256 perRun = (chunk - one) / (CHUNK - 1);
        emit log_named_uint("tally, per further run", perRun);
        // calldata dominates (a run is ~20 words); the storage is one fresh slot per run
        assertLe(one, 90_000);
        assertLe(perRun, 45_000);
    }
}
