// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method} from "../../../contracts/Common.sol";
import {SubmissionActions} from "./SubmissionActions.sol";

/// @dev Handler actions of the efficiency bonus (SPEC 6, v1.1): training runs of the parent (model 1) and its two
/// fine-tunes (4 and 5), sealing, requests, the permissionless training tally and approvals.
abstract contract BonusActions is SubmissionActions {
    /// @dev The owner seals and requests; mostly someone tallies both models first; a verifier approves.
    function bonus(uint256 seed, uint64 childEnergy, uint64 parentEnergy) external {
        uint256 child = 4 + seed % 2;
        // a model without a run gets a verified METER (or ESTIMATE) run first (sealing would refuse it later)
        // (a large parent and small children, so that two siblings together would exceed the parent's budget)
        if (!models.getModel(1).trainingSealed && _liveCount(1) == 0) {
            _verifiedRun(1, bound(parentEnergy, 1e10, 1e13), seed);
        }
        if (!models.getModel(child).trainingSealed && _liveCount(child) == 0) {
            _verifiedRun(child, bound(childEnergy, 1, 1e10), seed);
        }
        if (_liveCount(child) == 0 || _liveCount(1) == 0) return;
        address owner = models.ownerOf(child);
        vm.startPrank(owner);
        try models.sealTraining(1) {} catch {}
        try models.sealTraining(child) {} catch {}
        try bonusContract.requestEfficiencyBonus(child) {} catch {}
        vm.stopPrank();
        if (!isPaused) vm.warp(block.timestamp + window);
        if ((seed >> 16) % 4 != 0) {
            _tallyAll(child);
            _tallyAll(1);
        }
        _approveBonus(child, verifiers[(seed >> 8) % 2]);
    }

    function _verifiedRun(uint256 m, uint256 energy, uint256 seed) internal {
        Attestation memory a = _nextPeriod(m, uint256(Kind.PRETRAINING), 0, 1 days);
        a.energyWh = uint64(energy);
        // one run in five an ESTIMATE: it can never be tallied, so that model never earns or funds a bonus
        if ((seed >> 24) % 5 == 1) a.method = Method.ESTIMATE;
        a.pueMilli = 1100;
        a.locationIntensity = uint32(seed % 400);
        a.evidenceHash = keccak256(abi.encode("run", ++nonce));
        _asOwner(m);
        try reg.submit(a) returns (bytes32 id) {
            _record(id, a, false);
            maxEnd[m][0] = a.periodEnd;
            (address v,) = _verifier(seed);
            vm.prank(v);
            try reg.verify(id) {
                _onVerified(id, v);
            } catch {}
        } catch {}
    }

    /// @dev A verifier approves (gas independent of the runs); it must succeed only on complete tallies, and the
    /// ghost checks the budget and the payout.
    function _approveBonus(uint256 child, address v) internal {
        (uint256 e, bool complete, bool est) = _ghostTally(child);
        (uint256 ep, bool parentComplete, bool parentEst) = _ghostTally(1);
        uint256 supplyBefore = leaf.totalSupply();
        vm.prank(v);
        try bonusContract.approveEfficiencyBonus(child) {
            _check(!est && !parentEst, "an ESTIMATE run earned or funded a bonus");
            _check(complete && parentComplete, "a bonus was paid on an incomplete tally");
            _recordBonus(child, e, ep, supplyBefore);
        } catch {}
    }

    /// @dev Anyone tallies every tallyable run of a model in one call.
    function _tallyAll(uint256 m) internal {
        bytes32[] memory pick = new bytes32[](ids.length);
        uint256 n;
        for (uint256 i; i < ids.length; ++i) {
            if (_tallyable(ids[i], m)) pick[n++] = ids[i];
        }
        _tallyCall(m, pick, n, true);
    }

    /// @dev Anyone tallies up to `chunk` tallyable runs of a model; one time in three also another attestation
    /// (mostly a PRETRAINING run of the model the SPEC does not count, else any, possibly one already in the chunk):
    /// the call must succeed exactly when the SPEC counts every run in it.
    function tally(uint256 modelSeed, uint256 chunk, uint256 misc) external {
        if (ids.length == 0) return;
        uint256 m = _model(modelSeed);
        uint256 max = bound(chunk, 1, 6);
        bytes32[] memory pick = new bytes32[](max + 1);
        uint256 n;
        for (uint256 i; i < ids.length && n < max; ++i) {
            bytes32 id = ids[(misc + i) % ids.length];
            if (_tallyable(id, m)) pick[n++] = id;
        }
        bool expectOk = true;
        if (misc % 3 == 0) {
            // mostly another PRETRAINING run of the model (an ESTIMATE, not Final, already tallied...), else any
            bytes32 other = ids[(misc >> 8) % ids.length];
            uint256 want = (misc >> 4) % 4; // 0 any, 1 an ESTIMATE run of the model, else any it must refuse
            for (uint256 i; i < ids.length && want != 0; ++i) {
                bytes32 c = ids[((misc >> 8) + i) % ids.length];
                if (ghosts[c].modelId != m || ghosts[c].kind != Kind.PRETRAINING || _tallyable(c, m)) continue;
                if (want == 1 && fields[c].method != Method.ESTIMATE) continue;
                other = c;
                break;
            }
            for (uint256 i; i < n; ++i) {
                if (pick[i] == other) expectOk = false; // the same run twice in one call
            }
            if (!_tallyable(other, m)) expectOk = false;
            pick[n++] = other;
        }
        _tallyCall(m, pick, n, expectOk);
    }

    function _tallyCall(uint256 m, bytes32[] memory pick, uint256 n, bool expectOk) internal {
        Attestation[] memory runs = new Attestation[](n);
        for (uint256 i; i < n; ++i) {
            runs[i] = fields[pick[i]];
        }
        vm.prank(challenger); // permissionless
        try reg.tallyTraining(m, runs) {
            _check(expectOk && !isPaused, "tallied a run the SPEC does not count");
            for (uint256 i; i < n; ++i) {
                tallied[pick[i]] = true;
            }
            ++tallies;
        } catch {
            _check(!expectOk || isPaused, "unexpected tally failure");
        }
    }
}
