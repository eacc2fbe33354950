// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus, Kind, Status} from "../../contracts/Common.sol";
import {AttestationWord, AttestationWordLib} from "../../contracts/types/AttestationWord.sol";
import {ConfigWord} from "../../contracts/types/ConfigWord.sol";
import {DisputeWord, DisputeWordLib} from "../../contracts/types/DisputeWord.sol";
import {ModelCursor} from "../../contracts/types/ModelCursor.sol";
import {ModelWord, ModelWordLib} from "../../contracts/types/ModelWord.sol";
import {SerialWord, SerialWordLib} from "../../contracts/types/SerialWord.sol";
import {ModelTally, TalliedRun, TallyLib} from "../../contracts/types/TallyWords.sol";
import {VerifierWord, VerifierWordLib} from "../../contracts/types/VerifierWord.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Round trips of every packed-word library: what a setter writes, the getters read back, and no other
/// field moves.
contract PackedWordsTest is Test {
    function testFuzz_AttestationWordFields(uint8 kindRaw, uint256 modelId, uint64 start, uint64 end, address submitter)
        public
        pure
    {
        Kind kind = Kind(bound(kindRaw, 0, 2));
        modelId = bound(modelId, 0, (1 << 48) - 1);
        start = uint64(bound(start, 0, (1 << 40) - 1));
        end = uint64(bound(end, 0, (1 << 40) - 1));
        AttestationWord w = AttestationWordLib.pack(kind, modelId, start, end);
        assertEq(uint8(w.kind()), uint8(kind));
        assertEq(w.isPretraining(), kind == Kind.PRETRAINING);
        assertEq(w.modelId(), modelId);
        assertEq(w.periodStart(), start);
        assertEq(w.periodEnd(), end);
        assertTrue(w.storedStatus() == Status.None);
        assertFalse(w.claimed() || w.isCorrection() || w.hasVerdict() || w.freed());
        AttestationWord submitted = w.withCorrection().submittedBy(submitter);
        assertTrue(submitted.storedStatus() == Status.Submitted);
        assertTrue(submitted.isCorrection());
        assertTrue(submitted.isSubmitter(submitter));
        assertEq(submitted.modelId(), modelId);
        assertEq(AttestationWord.unwrap(submitted.submission()), AttestationWord.unwrap(w.withCorrection()));
        assertFalse(w.isEmpty());
        assertTrue(AttestationWord.wrap(0).isEmpty());
    }

    function testFuzz_AttestationWordVerdicts(uint256 raw, uint32 index, uint40 window, uint16 epoch) public pure {
        AttestationWord core = AttestationWord.wrap(raw).submission();
        AttestationWord verified = core.verifiedBy(index, window, epoch);
        assertTrue(verified.storedStatus() == Status.Verified);
        assertTrue(verified.hasVerdict());
        assertEq(verified.verifierIndex(), index);
        assertEq(verified.window(), window);
        assertEq(verified.epoch(), epoch);
        assertEq(verified.periodEnd(), core.periodEnd());
        AttestationWord disputed = verified.withStatusAndWindow(Status.Disputed, window / 2);
        assertTrue(disputed.storedStatus() == Status.Disputed);
        assertEq(disputed.window(), window / 2);
        assertEq(disputed.verifierIndex(), index);
        assertEq(disputed.withStatus(Status.Superseded).window(), window / 2);
        assertTrue(disputed.withStatus(Status.Superseded).storedStatus() == Status.Superseded);
        AttestationWord rejected = core.rejectedBy(index).withFreed();
        assertTrue(rejected.storedStatus() == Status.Rejected);
        assertTrue(rejected.freed());
        assertEq(rejected.verifierIndex(), index);
        assertEq(rejected.periodStart(), core.periodStart());
        uint256 paid = uint256(keccak256(abi.encode(raw))) >> 136;
        AttestationWord claimed = verified.claimedWith(paid);
        assertTrue(claimed.claimed());
        assertEq(claimed.paid(), paid);
        assertEq(claimed.modelId(), core.modelId());
        assertTrue(claimed.storedStatus() == Status.Verified);
    }

    function testFuzz_ModelCursorRoundTrip(uint256 raw, uint8 kindRaw, uint40 end) public pure {
        ModelCursor c = ModelCursor.wrap(raw & ((1 << 136) - 1));
        Kind kind = Kind(bound(kindRaw, 0, 2));
        ModelCursor moved = c.withLatest(kind, end);
        for (uint256 k; k < 3; ++k) {
            assertEq(moved.latest(Kind(k)), k == uint256(kind) ? end : c.latest(Kind(k)));
        }
        assertEq(moved.live(), c.live());
        assertTrue(moved.eq(moved) && (moved.eq(c) == (c.latest(kind) == end)));
        if (!c.liveFull()) {
            ModelCursor more = c.addLive();
            assertEq(more.live(), c.live() + 1);
            assertEq(more.latest(kind), c.latest(kind));
            assertTrue(more.removeLive().eq(c));
        }
        assertTrue(ModelCursor.wrap(uint256(0xffff) << 120).liveFull());
    }

    function testFuzz_ConfigWordRoundTrip(uint256 raw, uint8 m, uint16 value) public pure {
        ConfigWord c = ConfigWord.wrap(raw);
        m = uint8(bound(m, 0, 2));
        ConfigWord set = c.withMethodBps(m, value);
        assertEq(set.methodBps(m), value);
        for (uint256 k; k < 3; ++k) {
            if (k != m) assertEq(set.methodBps(k), c.methodBps(k));
        }
        assertEq(set.challengeWindow(), c.challengeWindow());
        assertEq(set.baselineIntensity(), c.baselineIntensity());
        assertEq(set.verifierBps(), c.verifierBps());
        assertEq(set.maxReward(), c.maxReward());
        assertEq(set.isPaused(), c.isPaused());
        assertEq(set.pausedTotal(), c.pausedTotal());
        assertEq(set.epoch(), c.epoch());
    }

    /// @dev The config word is the Config struct's slot: each getter reads its field.
    function testFuzz_ConfigWordMatchesStruct(
        uint24 window,
        uint16 baseline,
        uint16 verifierBps,
        uint96 maxReward,
        bool paused,
        uint32 pausedTotal,
        uint16 epoch
    ) public pure {
        uint256 raw = uint256(window) | (uint256(baseline) << 24) | (uint256(verifierBps) << 88)
            | (uint256(maxReward) << 104) | (uint256(paused ? 1 : 0) << 200) | (uint256(pausedTotal) << 208)
            | (uint256(epoch) << 240);
        ConfigWord c = ConfigWord.wrap(raw);
        assertEq(c.challengeWindow(), window);
        assertEq(c.baselineIntensity(), baseline);
        assertEq(c.verifierBps(), verifierBps);
        assertEq(c.maxReward(), maxReward);
        assertEq(c.isPaused(), paused);
        assertEq(c.pausedTotal(), pausedTotal);
        assertEq(c.epoch(), epoch);
    }

    function testFuzz_TallyRoundTrip(uint64 wh, uint16 count, uint64 runWh) public pure {
        ModelTally t = ModelTally.wrap(0).add(wh, count);
        assertEq(t.energy(), wh);
        assertEq(t.runs(), count);
        assertFalse(t.locked());
        ModelTally locked = t.withLocked();
        assertTrue(locked.locked());
        assertEq(locked.energy(), wh);
        assertEq(locked.runs(), count);
        ModelTally more = locked.add(runWh, 1);
        ModelTally back = more.removeRun(runWh);
        assertEq(ModelTally.unwrap(back), ModelTally.unwrap(locked));
        TalliedRun r = TallyLib.tallied(runWh);
        assertTrue(r.isTallied());
        assertEq(r.energy(), runWh);
        assertFalse(TalliedRun.wrap(0).isTallied());
    }

    function testFuzz_AccountWordsRoundTrip(address account, uint96 bond) public pure {
        DisputeWord d = DisputeWordLib.pack(account, bond);
        assertEq(d.challenger(), account);
        assertEq(d.bond(), bond);
        VerifierWord on = VerifierWordLib.accredited(account);
        VerifierWord off = VerifierWordLib.revoked(account);
        assertEq(on.account(), account);
        assertEq(off.account(), account);
        assertTrue(on.active());
        assertFalse(off.active());
    }

    function testFuzz_SerialWordRoundTrip(
        uint8 kindRaw,
        uint256 modelId,
        address submitter,
        uint32 record,
        bytes32 serialHash
    ) public pure {
        CertificateKind kind = CertificateKind(bound(kindRaw, 0, 1));
        modelId = bound(modelId, 0, (1 << 48) - 1);
        SerialWord w = SerialWordLib.pending(kind, modelId, submitter, record);
        assertTrue(w.status() == CertificateStatus.Pending);
        assertEq(uint8(w.kind()), uint8(kind));
        assertEq(w.modelId(), modelId);
        assertEq(w.submitter(), submitter);
        assertEq(w.record(), record);
        SerialWord revoked = w.withStatus(CertificateStatus.Revoked);
        assertTrue(revoked.status() == CertificateStatus.Revoked);
        assertEq(revoked.submitter(), submitter);
        assertEq(revoked.record(), record);
        uint256 key = SerialWordLib.keyOf(serialHash);
        bytes32 id = SerialWordLib.certificateId(key, record);
        assertEq(SerialWordLib.keyOf(id), key);
        assertTrue(w.holds(id));
        assertEq(w.holds(SerialWordLib.certificateId(key, uint256(record) + 1)), false);
    }

    function testFuzz_ModelWordRoundTrip(uint256 parent, uint64 parameters, uint256 cursor) public pure {
        parent = bound(parent, 0, (1 << 48) - 1);
        ModelWord w = ModelWordLib.pack(parent, parameters);
        assertEq(w.parentId(), parent);
        assertEq(w.parameterCount(), parameters);
        assertFalse(w.isSealed());
        assertEq(w.cursor(), 0);
        ModelWord full = w.withSealed().withCursor(cursor);
        assertTrue(full.isSealed());
        assertEq(full.cursor(), cursor & ((1 << 136) - 1));
        assertEq(full.parentId(), parent);
        assertEq(full.parameterCount(), parameters);
        assertEq(full.withCursor(0).cursor(), 0);
        assertTrue(full.withCursor(0).isSealed());
    }
}
