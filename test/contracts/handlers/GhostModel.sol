// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Kind, Method, Status} from "../../../contracts/Common.sol";
import {HandlerState} from "./HandlerState.sol";

/// @dev The ghost model: mirrors, independently of the contracts, what the SPEC says each accepted action does
/// (status machine, challenge windows on the pause-free clock, SPEC 6 payouts and bonus budget, period frontiers,
/// evidence use, the training tally) and records a violation wherever the chain disagrees.
abstract contract GhostModel is HandlerState {
    function _record(bytes32 id, Attestation memory a, bool correction) internal {
        _check(ghosts[id].modelId == 0, "id reused");
        evidenceUser[a.evidenceHash] = id;
        ids.push(id);
        Ghost storage g = ghosts[id];
        g.status = Status.Submitted;
        g.modelId = a.modelId;
        g.kind = a.kind;
        g.correction = correction;
        g.predecessor = a.supersedes;
        fields[id] = a;
    }

    /// @dev A correction was accepted: it must supersede a live or rejected attestation, never a run a bonus counted.
    function _recordCorrection(bytes32 pid, bytes32 id, Attestation memory a) internal {
        Ghost storage p = ghosts[pid];
        _check(
            p.status == Status.Submitted || p.status == Status.Verified || p.status == Status.Disputed
                || (p.status == Status.Rejected && !freed[pid]),
            "superseding a dead attestation or a freed period"
        );
        _check(!(a.kind == Kind.PRETRAINING && trainingLocked[a.modelId]), "restated a run a bonus counted");
        _record(id, a, true);
        if (a.periodEnd > maxEnd[a.modelId][uint8(a.kind)]) maxEnd[a.modelId][uint8(a.kind)] = a.periodEnd;
        ++successes[1];
    }

    /// @dev Evidence is free when no attestation used it or the latest one is Rejected or Withdrawn.
    function _evidenceFree(bytes32 evidenceHash) internal view returns (bool) {
        Status s = ghosts[evidenceUser[evidenceHash]].status;
        return evidenceUser[evidenceHash] == bytes32(0) || s == Status.Rejected || s == Status.Withdrawn;
    }

    /// @dev A verifier approved a Submitted attestation (directly or by a relayed signature).
    function _onApproved(bytes32 id, address v, string memory what) internal {
        _check(ghosts[id].status == Status.Submitted, what);
        _onVerified(id, v);
        ++successes[2];
    }

    /// @dev The ghost side of a verification: window on the pause-free clock, parameters in force, verifier,
    /// and for a correction its predecessor superseded with what the chain already paid.
    function _onVerified(bytes32 id, address v) internal {
        Ghost storage g = ghosts[id];
        g.status = Status.Verified;
        g.finalAt = clock() + window;
        paramsAtVerification[id] = current;
        verifiedBy[id] = v;
        if (g.correction) {
            bytes32 pred = g.predecessor;
            ghosts[pred].status = Status.Superseded;
            tallied[pred] = false; // a superseded run leaves its model's tally
            carried[id] = ghosts[pred].claims != 0 ? chainPaid[pred] : carried[pred];
            chainMax[id] = chainMax[pred];
        }
    }

    /// @dev A Submitted attestation was rejected or withdrawn (`to`): its period may be freed.
    function _onClosed(bytes32 id, Status to, string memory what) internal {
        _check(ghosts[id].status == Status.Submitted, what);
        ghosts[id].status = to;
        _freePeriod(id);
    }

    /// @dev An invalidation (upheld dispute or invalidateUnreviewed) counts against the verifier and frees the period.
    function _onInvalidated(bytes32 id) internal {
        ghosts[id].status = Status.Invalidated;
        address v = verifiedBy[id];
        ++invalidatedVerdicts[v];
        (,, uint64 count) = reg.verifierRecord(v);
        _check(count == invalidatedVerdicts[v], "invalidated verdicts differ from the ghost");
        _freePeriod(id);
    }

    /// @dev SPEC 4 (v1.1): a Rejected, Withdrawn or Invalidated attestation that is the latest of its kind gives
    /// its period back (a correction only what extends beyond its predecessor's end, which keeps its own); a
    /// rejected one whose period was freed can no longer be superseded.
    function _freePeriod(bytes32 id) internal {
        Ghost storage g = ghosts[id];
        uint64 end = fields[id].periodEnd;
        uint64 to = g.correction ? fields[g.predecessor].periodEnd : fields[id].periodStart;
        if (maxEnd[g.modelId][uint8(g.kind)] == end && to < end) {
            maxEnd[g.modelId][uint8(g.kind)] = to;
            freed[id] = true;
        }
    }

    /// @dev SPEC 6, computed from the submitted fields and the ghost's parameters.
    function _specReward(Attestation memory a, RewardParams memory p) internal pure returns (uint256) {
        uint256 market = uint256(a.locationIntensity) * (10_000 - a.renewableBps) / 10_000;
        if (p.baseline <= market) return 0;
        uint256 avoidedG = uint256(a.energyWh) * (p.baseline - market) / 1000;
        uint256 r = avoidedG * p.methodBps[uint8(a.method)] / 10_000 * 1e15; // 1 LEAF per 1000 g
        return r > p.cap ? p.cap : r;
    }

    /// @dev The payout equals the ghost model's: parameters in force at verification, minus what the supersede
    /// chain already paid, the verifier's share only while it is accredited; the chain never pays more than the
    /// largest reward in it.
    function _checkPayout(bytes32 id, Attestation memory a, uint256 r, uint256 vr) internal {
        RewardParams memory p = paramsAtVerification[id];
        uint256 full = _specReward(a, p);
        uint256 owed = full > carried[id] ? full - carried[id] : 0;
        uint256 share = activeVerifier[verifiedBy[id]] ? owed * p.verifierBps / 10_000 : 0;
        _check(r == owed, "owner payout differs from the SPEC");
        _check(vr == share, "verifier payout differs from the SPEC");
        expectedSupply += owed + share;
        chainPaid[id] = carried[id] + owed;
        if (full > chainMax[id]) chainMax[id] = full;
        _check(chainPaid[id] <= chainMax[id], "a supersede chain paid more than its largest reward");
    }

    function _live(Status s) internal pure returns (bool) {
        return s == Status.Submitted || s == Status.Verified || s == Status.Disputed;
    }

    /// @dev Live (Submitted, Verified, Disputed) PRETRAINING runs of a model.
    function _liveCount(uint256 m) internal view returns (uint256 n) {
        for (uint256 i; i < ids.length; ++i) {
            Ghost storage g = ghosts[ids[i]];
            if (g.modelId == m && g.kind == Kind.PRETRAINING && _live(g.status)) ++n;
        }
    }

    /// @dev The ghost's tally of a model: the energy of its tallied runs, and whether every live PRETRAINING run is
    /// tallied (and whether a live one is an ESTIMATE).
    function _ghostTally(uint256 m) internal view returns (uint256 energy, bool complete, bool estimate) {
        complete = true;
        for (uint256 i; i < ids.length; ++i) {
            bytes32 id = ids[i];
            Ghost storage g = ghosts[id];
            if (g.modelId != m || g.kind != Kind.PRETRAINING || !_live(g.status)) continue;
            if (fields[id].method == Method.ESTIMATE) estimate = true;
            if (tallied[id]) energy += fields[id].energyWh;
            else complete = false;
        }
    }

    /// @dev SPEC 6 (v1.1): what tallyTraining must accept: a Final METER/SOFTWARE PRETRAINING run of the model,
    /// not yet tallied.
    function _tallyable(bytes32 id, uint256 m) internal view returns (bool) {
        Ghost storage g = ghosts[id];
        return g.modelId == m && g.kind == Kind.PRETRAINING && fields[id].method != Method.ESTIMATE
            && g.status == Status.Verified && (clock() >= g.finalAt || g.claims != 0) && !tallied[id];
    }

    function _recordBonus(uint256 child, uint256 e, uint256 ep, uint256 supplyBefore) internal {
        if (bonusesPaid == 0) parentEnergyAtFirstBonus = ep;
        _check(ep == parentEnergyAtFirstBonus, "the parent's counted runs changed after a bonus");
        uint256 saving = ep - e;
        if (saving > ep - parentSavingsUsed) saving = ep - parentSavingsUsed;
        parentSavingsUsed += saving;
        _check(bonusContract.savingsUsed(1) == parentSavingsUsed, "savings used differ from the ghost");
        uint256 paid = saving * current.baseline / 1000 * 5000 / 10_000 * 1e15; // efficiencyBps stays 5000
        if (paid > current.cap) paid = current.cap;
        uint256 share = paid * current.verifierBps / 10_000;
        _check(leaf.totalSupply() - supplyBefore == paid + share, "bonus differs from the SPEC");
        expectedSupply += paid + share;
        totalPaid += paid + share;
        trainingLocked[child] = true;
        trainingLocked[1] = true;
        ++bonusesPaid;
    }
}
