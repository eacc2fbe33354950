// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation, Status, VERIFIER_ROLE} from "../../../contracts/Common.sol";
import {GhostModel} from "./GhostModel.sol";

/// @dev Handler actions on submitted attestations: verdicts (direct or relayed), withdrawal, disputes and their
/// rulings, invalidation of unreviewed verdicts, claims and bond refunds.
abstract contract ReviewActions is GhostModel {
    function verify(uint256 seed, uint256 vSeed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isSubmitted);
        (address v,) = _verifier(vSeed);
        vm.prank(v);
        try reg.verify(id) {
            _onApproved(id, v, "verified a non-submitted attestation");
        } catch {}
    }

    /// @dev A verdict signed by a verifier and relayed by anyone.
    function verdictWithSig(uint256 seed, uint256 vSeed, bool approve, address relayer) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isSubmitted);
        (address v, uint256 key) = _verifier(vSeed);
        uint256 n = reg.nonces(v);
        uint256 deadline = block.timestamp;
        bytes memory sig =
            _sign(key, keccak256(abi.encode(reg.VERDICT_TYPEHASH(), id, approve, bytes32(0), n, deadline)));
        vm.prank(relayer);
        try reg.verdictWithSig(id, approve, bytes32(0), v, n, deadline, sig) {
            if (approve) _onApproved(id, v, "verdict on a non-submitted attestation");
            else _onClosed(id, Status.Rejected, "verdict on a non-submitted attestation");
        } catch {}
    }

    function reject(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isSubmitted);
        vm.prank(verifiers[0]);
        try reg.reject(id, bytes32(0)) {
            _onClosed(id, Status.Rejected, "rejected a non-submitted attestation");
        } catch {}
    }

    function withdraw(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isSubmitted);
        _asOwner(ghosts[id].modelId);
        try reg.withdraw(id) {
            _onClosed(id, Status.Withdrawn, "withdrew a non-submitted attestation");
        } catch {}
    }

    function dispute(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isVerified);
        // mostly one whose window is still open
        if (seed % 5 != 0) id = _firstFrom(ids, seed, _inWindow, id);
        uint256 bond = reg.getParams().disputeBond;
        vm.deal(challenger, bond);
        vm.prank(challenger);
        try reg.dispute{value: bond}(id, "") {
            Ghost storage g = ghosts[id];
            _check(uint8(g.status) == uint8(Status.Verified), "disputed a non-verified attestation");
            _check(!(isPaused), "disputed while paused");
            _check(clock() < g.finalAt, "disputed after the window");
            g.status = Status.Disputed;
            g.remaining = g.finalAt - clock();
            openBonds += bond;
            ++successes[3];
        } catch {}
    }

    function _inWindow(bytes32 id) internal view returns (bool) {
        return ghosts[id].status == Status.Verified && ghosts[id].finalAt > clock();
    }

    function arbitrate(uint256 seed, bool uphold) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isDisputed);
        (, uint256 bond) = reg.disputeOf(id);
        vm.prank(arbiter);
        if (uphold) {
            try reg.upholdDispute(id, bytes32(0)) {
                _check(uint8(ghosts[id].status) == uint8(Status.Disputed), "upheld an undisputed attestation");
                _onInvalidated(id);
                openBonds -= bond;
                credited += bond;
                ++successes[4];
            } catch {}
        } else {
            try reg.dismissDispute(id, bytes32(0)) {
                Ghost storage g = ghosts[id];
                _check(uint8(g.status) == uint8(Status.Disputed), "dismissed an undisputed attestation");
                g.status = Status.Verified;
                g.finalAt = clock() + g.remaining;
                openBonds -= bond;
                credited += bond;
            } catch {}
        }
    }

    /// @dev The arbiter invalidates a Verified, not yet Final attestation of a revoked verifier without a bond
    /// (SPEC 5, v1.1): it must succeed exactly then, outside a pause.
    function invalidateUnreviewed(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isVerified);
        Ghost storage g = ghosts[id];
        // one time in two the admin first revokes its verifier (else the call mostly meets an accredited one)
        address v = verifiedBy[id];
        if (seed % 2 == 0 && v != address(0) && activeVerifier[v]) {
            vm.prank(admin);
            reg.revokeRole(VERIFIER_ROLE, v);
            activeVerifier[v] = false;
            ++revocations;
        }
        bool allowed = !isPaused && g.status == Status.Verified && g.claims == 0 && clock() < g.finalAt
            && !activeVerifier[verifiedBy[id]];
        vm.prank(arbiter);
        try reg.invalidateUnreviewed(id, bytes32(seed)) {
            _check(allowed, "invalidated unreviewed against the SPEC");
            _onInvalidated(id);
            ++unreviewedInvalidations;
        } catch {
            _check(!allowed, "unexpected invalidateUnreviewed failure");
        }
    }

    function withdrawRefund(bool treasury) external {
        address who = treasury ? reg.getParams().treasury : challenger;
        uint256 amount = reg.refundOf(who);
        vm.prank(who);
        try reg.withdrawRefund() {
            withdrawn += amount;
        } catch {}
    }

    function claim(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(ids, seed, _isVerified);
        // mostly an unclaimed one (a claimed attestation stays Verified in the ghost)
        if (seed % 5 != 0) id = _firstFrom(ids, seed, _isUnclaimed, id);
        if (seed % 3 != 0 && ghosts[id].finalAt > clock() && !isPaused) {
            vm.warp(block.timestamp + ghosts[id].finalAt - clock());
        }
        Attestation memory a = fields[id];
        _asOwner(a.modelId);
        try reg.claimReward(a) returns (uint256 r, uint256 vr) {
            Ghost storage g = ghosts[id];
            _check(uint8(g.status) == uint8(Status.Verified), "paid a non-verified attestation");
            _check(clock() >= g.finalAt, "paid before Final");
            ++g.claims;
            // SPEC 4 (v1.1): the energy of one evidence document is paid at most once
            if (r != 0) _check(++evidencePaid[a.evidenceHash] == 1, "an evidence document paid twice");
            totalPaid += r + vr;
            _checkPayout(id, a, r, vr);
            ++successes[5];
        } catch {}
    }

    function _isUnclaimed(bytes32 id) internal view returns (bool) {
        return ghosts[id].status == Status.Verified && ghosts[id].claims == 0;
    }
}
