// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {Attestation, CertificateStatus, Kind, Method, Status} from "../../contracts/Common.sol";
import {ICertificateRegistry} from "../../contracts/ICertificateRegistry.sol";
import {Handler} from "./handlers/Handler.sol";
import {HandlerFixture} from "./handlers/HandlerFixture.sol";
import {console} from "forge-std/Test.sol";

/// @dev The invariants of the protocol under the handler's bounded random actions (handlers/Handler.sol) and what
/// its ghost model (handlers/GhostModel.sol) says must have happened.
contract InvariantsTest is HandlerFixture {
    Handler internal handler;

    function setUp() public override {
        super.setUp();
        _registerBonusModels();
        handler = _newHandler();
        targetContract(address(handler));
    }

    function afterInvariant() public view {
        for (uint256 i; i < 6; ++i) {
            console.log("successes", i, handler.successes(i));
        }
        console.log("pauses", handler.pauses(), "parameter changes", handler.paramChanges());
        console.log("revocations", handler.revocations(), "transfers", handler.transfers());
        console.log("signed submissions", handler.signedSubmissions(), "cancelled nonces", handler.cancelledNonces());
        console.log("bonuses paid", handler.bonusesPaid(), "tallies", handler.tallies());
        console.log("unreviewed invalidations", handler.unreviewedInvalidations());
        for (uint256 i; i < 5; ++i) {
            console.log("certificate successes", i, handler.certSuccesses(i));
        }
    }

    /// @dev SPEC 6 (v1.1): one parent funds at most its own energy, however many children earn a bonus.
    function invariant_ParentBudgetNeverExceeded() public view {
        assertLe(bonus.savingsUsed(1), handler.parentEnergyAtFirstBonus(), "parent budget exceeded");
        assertEq(bonus.savingsUsed(1), handler.parentSavingsUsed());
    }

    /// @dev SPEC 6 (v1.1): each model's training tally is the running sum of its tallied runs, which are live, Final
    /// METER/SOFTWARE PRETRAINING runs, never more than its live runs; each run's tallied energy is its own.
    function invariant_TrainingTally() public view {
        uint256 n = handler.idsLength();
        for (uint256 m = 1; m <= models.totalModels(); ++m) {
            uint256 energy;
            uint256 count;
            for (uint256 i; i < n; ++i) {
                bytes32 id = handler.ids(i);
                Handler.Ghost memory g = handler.ghost(id);
                if (g.modelId != m) continue;
                Attestation memory a = handler.fieldsOf(id);
                bool t = handler.tallied(id);
                assertEq(reg.talliedEnergy(id), t ? a.energyWh : 0, "tallied energy of a run");
                if (!t) continue;
                assertEq(uint8(reg.effectiveStatus(id)), uint8(Status.Final), "a tallied run is not Final");
                assertTrue(a.kind == Kind.PRETRAINING && a.method != Method.ESTIMATE, "tallied a run never counted");
                energy += a.energyWh;
                ++count;
            }
            (uint256 e, uint256 runs, uint256 live) = reg.trainingTally(m);
            assertEq(e, energy, "tallied energy of a model");
            assertEq(runs, count, "tallied runs of a model");
            assertLe(runs, live, "more runs tallied than live");
        }
    }

    /// @dev Every check made inside the handlers held (payouts against the ghost model, statuses, windows).
    function invariant_HandlerChecks() public view {
        assertEq(handler.violations(), 0, handler.firstViolation());
    }

    /// @dev LEAF total supply equals the sum of the payouts an independent SPEC 6 model computes from the fields,
    /// the parameters in force at each verification, the supersede chains and the verifiers' accreditation.
    function invariant_SupplyEqualsSpecPayouts() public view {
        assertEq(leaf.totalSupply(), handler.expectedSupply());
        assertEq(leaf.totalSupply(), handler.totalPaid());
    }

    /// @dev No attestation is paid twice; only Final ones are paid; statuses follow the SPEC machine;
    /// nothing is Final before its window.
    function invariant_AttestationStates() public view {
        uint256 n = handler.idsLength();
        for (uint256 i; i < n; ++i) {
            bytes32 id = handler.ids(i);
            Handler.Ghost memory g = handler.ghost(id);
            assertLe(g.claims, 1, "paid twice");
            Status s = reg.effectiveStatus(id);
            if (s == Status.Final) {
                assertEq(uint8(g.status), uint8(Status.Verified));
                assertGe(handler.clock(), g.finalAt, "Final before its window (pauses excluded)");
            } else {
                assertEq(uint8(s), uint8(g.status), "status mismatch");
                if (s == Status.Verified) assertLt(handler.clock(), g.finalAt, "window over but not Final");
            }
            // a verifier is shown exactly when one gave a verdict (and the claim has not reused the bits)
            address shown = reg.getAttestation(id).verifier;
            if (g.status == Status.Submitted || g.status == Status.Withdrawn) assertEq(shown, address(0));
            if (g.status == Status.Verified && g.claims == 0) assertEq(shown, handler.verifiedBy(id));
            _assertViewMatchesGhost(id, g);
        }
    }

    /// @dev The decoded view agrees with the ghost in every state.
    function _assertViewMatchesGhost(bytes32 id, Handler.Ghost memory g) internal view {
        AttestationRegistry.AttestationState memory st = reg.getAttestation(id);
        (uint64 start, uint64 end) = handler.period(id);
        assertEq(st.modelId, g.modelId, "view modelId");
        assertEq(uint8(st.kind), uint8(g.kind), "view kind");
        assertEq(st.isCorrection, g.correction, "view isCorrection");
        assertEq(st.claimed, g.claims == 1, "view claimed");
        assertEq(st.periodStart, start, "view periodStart");
        assertEq(st.periodEnd, end, "view periodEnd");
        if (g.status == Status.Disputed) assertEq(st.remainingWindow, g.remaining, "view remainingWindow");
        if (g.status == Status.Verified && g.claims == 0) {
            // a timestamp: the pause-free deadline plus the time paused so far
            assertEq(st.finalAt, g.finalAt + block.timestamp - handler.clock(), "view finalAt");
        }
    }

    /// @dev SPEC 8 (v1.1): no serialHash is held by two live (Pending or Confirmed) certificates; the chain
    /// agrees with the ghost on every record (a record superseded by a later one of its serial reads None) and
    /// on each serial's latest record.
    function invariant_CertificateSerialHeldOnce() public view {
        uint256 serials = handler.certSerialsLength();
        uint256 n = handler.certIdsLength();
        for (uint256 s; s < serials; ++s) {
            bytes32 h = handler.certSerials(s);
            uint256 live;
            for (uint256 i; i < n; ++i) {
                Handler.CertGhost memory g = handler.certGhost(handler.certIds(i));
                if (
                    g.serialHash == h
                        && (g.status == CertificateStatus.Pending || g.status == CertificateStatus.Confirmed)
                ) ++live;
            }
            assertLe(live, 1, "a serial held twice");
            assertEq(certs.certificateOf(h), handler.certLatest(h), "latest record of a serial");
        }
        for (uint256 i; i < n; ++i) {
            bytes32 id = handler.certIds(i);
            Handler.CertGhost memory g = handler.certGhost(id);
            ICertificateRegistry.CertificateState memory st = certs.getCertificate(id);
            bool latest = handler.certLatest(g.serialHash) == id;
            assertEq(uint8(st.status), latest ? uint8(g.status) : 0, "certificate status");
            if (latest) assertEq(st.modelId, g.modelId, "certificate model");
        }
    }

    /// @dev Per-model aggregates kept on chain equal what the attestations imply: the live PRETRAINING
    /// count and the latest period end of each kind.
    function invariant_ModelAggregates() public view {
        uint256 n = handler.idsLength();
        for (uint256 m = 1; m <= models.totalModels(); ++m) {
            uint256 live;
            for (uint256 i; i < n; ++i) {
                Handler.Ghost memory g = handler.ghost(handler.ids(i));
                if (
                    g.modelId == m && g.kind == Kind.PRETRAINING
                        && (g.status == Status.Submitted || g.status == Status.Verified || g.status == Status.Disputed)
                ) ++live;
            }
            (uint64[3] memory latest, uint16 onChain) = reg.modelCursor(m);
            assertEq(onChain, live, "live PRETRAINING count");
            for (uint256 k; k < 3; ++k) {
                assertEq(latest[k], handler.maxEnd(m, k), "latest period end");
            }
        }
    }

    /// @dev The same energy is never counted twice: verified (or disputed, or Final) attestations of one model
    /// and kind have disjoint periods.
    function invariant_NoOverlappingVerifiedPeriods() public view {
        uint256 n = handler.idsLength();
        for (uint256 i; i < n; ++i) {
            bytes32 a = handler.ids(i);
            if (!_counted(a)) continue;
            Handler.Ghost memory ga = handler.ghost(a);
            (uint64 sa, uint64 ea) = handler.period(a);
            for (uint256 j = i + 1; j < n; ++j) {
                bytes32 b = handler.ids(j);
                Handler.Ghost memory gb = handler.ghost(b);
                if (gb.modelId != ga.modelId || gb.kind != ga.kind || !_counted(b)) continue;
                (uint64 sb, uint64 eb) = handler.period(b);
                assertTrue(ea <= sb || eb <= sa, "overlapping verified periods");
            }
        }
    }

    function _counted(bytes32 id) internal view returns (bool) {
        Status s = reg.effectiveStatus(id);
        return s == Status.Verified || s == Status.Disputed || s == Status.Final;
    }

    /// @dev Native currency held equals open bonds plus credited, unwithdrawn refunds.
    function invariant_BondsAccounted() public view {
        assertEq(address(reg).balance, handler.openBonds() + handler.credited() - handler.withdrawn());
    }
}
