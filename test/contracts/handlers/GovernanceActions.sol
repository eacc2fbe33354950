// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Method, VERIFIER_ROLE} from "../../../contracts/Common.sol";
import {HandlerState} from "./HandlerState.sol";

/// @dev Handler actions of governance and time: pauses with time passing, reward parameters and the challenge
/// window, verifier accreditation, sealing, and plain time passing.
abstract contract GovernanceActions is HandlerState {
    /// @dev A pause with time passing: mostly paused and unpaused in one step, sometimes left paused for the next
    /// actions (which must then fail) until the next call unpauses. The windows must not run meanwhile.
    function pauseFor(uint256 secs) external {
        if (!isPaused) {
            vm.prank(pauser);
            reg.pause();
            pausedAt = block.timestamp;
            isPaused = true;
            ++pauses;
            if (secs % 3 == 0) return;
        }
        vm.warp(block.timestamp + bound(secs, 0, 3 days));
        vm.prank(pauser);
        reg.unpause();
        pausedTotal += block.timestamp - pausedAt;
        isPaused = false;
    }

    /// @dev Governance changes a reward parameter or the challenge window (applies to later verifications).
    function setParam(uint256 which, uint256 value) external {
        which = which % 6;
        vm.startPrank(admin);
        if (which == 0) {
            current.baseline = bound(value, 1, 2000);
            reg.setBaselineIntensity(uint16(current.baseline));
        } else if (which < 3) {
            Method m = Method(which - 1);
            current.methodBps[uint8(m)] = bound(value, 0, 10_000);
            reg.setMethodBps(m, uint16(current.methodBps[uint8(m)]));
        } else if (which == 3) {
            current.verifierBps = bound(value, 0, 5000);
            reg.setVerifierBps(uint16(current.verifierBps));
        } else if (which == 4) {
            current.cap = bound(value, 1e18, 1e27);
            reg.setMaxRewardPerAttestation(uint96(current.cap));
        } else {
            window = bound(value, 60, 10 days);
            reg.setChallengeWindow(uint32(window));
        }
        vm.stopPrank();
        ++paramChanges;
    }

    /// @dev Governance revokes a verifier, or accredits it again.
    function toggleVerifier(uint256 seed) external {
        (address v,) = _verifier(seed);
        vm.startPrank(admin);
        if (activeVerifier[v]) {
            reg.revokeRole(VERIFIER_ROLE, v);
            ++revocations;
        } else {
            reg.accreditVerifier(v, "again", "");
        }
        vm.stopPrank();
        activeVerifier[v] = !activeVerifier[v];
    }

    function seal(uint256 modelSeed) external {
        uint256 m = _model(modelSeed);
        _asOwner(m);
        try models.sealTraining(m) {} catch {}
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 4 days));
    }
}
