// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../contracts/AttestationRegistry.sol";
import {CertificateRegistry} from "../../contracts/CertificateRegistry.sol";
import {
    Attestation,
    CertificateKind,
    CertificateStatus,
    Kind,
    Method,
    Status,
    VERIFIER_ROLE
} from "../../contracts/Common.sol";
import {EfficiencyBonus} from "../../contracts/EfficiencyBonus.sol";
import {ICertificateRegistry} from "../../contracts/ICertificateRegistry.sol";
import {LeafToken} from "../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {Base} from "./Base.t.sol";
import {Test, console} from "forge-std/Test.sol";

/// @dev Drives the protocol with bounded random actions and mirrors, independently, what the
/// SPEC says must happen (status machine, challenge windows, payouts, period frontiers). Besides the
/// attestation actions it pauses and unpauses with time passing, changes reward parameters and the challenge
/// window, revokes and re-accredits verifiers, and lets the arbiter invalidate unreviewed verdicts of revoked
/// verifiers (SPEC 5, v1.1); every payout is checked against a ghost SPEC 6 model, and every freed period (SPEC 4,
/// v1.1) against the ghost's frontier.
contract Handler is Test {
    AttestationRegistry internal reg;
    ModelRegistry internal models;
    LeafToken internal leaf;
    CertificateRegistry internal certs;
    address[2] internal verifiers;
    uint256[2] internal verifierKeys;
    address internal arbiter;
    address internal challenger;
    address internal admin;
    address internal pauser;
    uint256 internal window;

    /// @dev Reward parameters (SPEC 6) as the ghost model keeps them.
    struct RewardParams {
        uint256 baseline;
        uint256[3] methodBps;
        uint256 verifierBps;
        uint256 cap;
    }

    RewardParams internal current;
    mapping(bytes32 id => RewardParams) internal paramsAtVerification;
    mapping(bytes32 id => address) public verifiedBy;
    mapping(address verifier => bool) public activeVerifier;
    mapping(bytes32 id => uint256 amount) internal carried; // owner LEAF already paid along the chain
    mapping(bytes32 id => uint256 amount) internal chainPaid; // after the claim: carried + own payout
    mapping(bytes32 id => uint256 amount) internal chainMax; // largest full SPEC reward in the chain
    uint256 public expectedSupply; // sum of the ghost model's payouts (owner + verifier)
    uint256 public pauses;
    uint256 public transfers;
    uint256 public signedSubmissions;
    uint256 public cancelledNonces;
    address[4] internal holders; // possible model holders and signers: two owners and the two verifiers
    mapping(address account => uint256 key) internal keyOf;

    // efficiency bonus (SPEC 6, v1.1): children 4 and 5 of model 1 share its savings budget
    EfficiencyBonus internal bonusContract;
    uint256 public bonusesPaid;
    uint256 public parentSavingsUsed;
    uint256 public parentEnergyAtFirstBonus;
    mapping(uint256 modelId => bool) public trainingLocked;
    // ghost of the training tally (SPEC 6, v1.1 running sums): runs tallied and still live
    mapping(bytes32 id => bool) public tallied;
    uint256 public tallies; // successful tallyTraining calls
    uint256 public paramChanges;
    uint256 public revocations;
    // A failed assertion inside a handler only reverts that call (and undoes what it saw): record violations
    // instead, and let an invariant report them.
    uint256 public violations;
    string public firstViolation;

    // pause-free clock of SPEC 5 (v1.1): challenge windows do not run while paused
    bool public isPaused;
    uint256 internal pausedAt;
    uint256 internal pausedTotal;

    struct Ghost {
        Status status; // stored status (Verified for Final)
        uint256 modelId;
        Kind kind;
        bool correction;
        bytes32 predecessor;
        uint256 finalAt; // while Verified
        uint256 remaining; // while Disputed
        uint256 claims;
    }

    bytes32[] public ids;
    mapping(bytes32 id => Ghost) public ghosts;
    mapping(bytes32 id => Attestation) internal fields;
    mapping(uint256 modelId => mapping(uint256 kind => uint64 end)) public maxEnd;
    mapping(bytes32 id => bool) public freed; // its period was given back (SPEC 4, v1.1)
    mapping(address verifier => uint256 count) public invalidatedVerdicts;
    uint256 public unreviewedInvalidations;

    // certificates (SPEC 8, v1.1): a ghost of every record; see the certificate handlers
    struct CertGhost {
        bytes32 serialHash;
        CertificateStatus status;
        address submitter;
        uint256 modelId;
    }

    bytes32[] public certIds;
    mapping(bytes32 id => CertGhost) internal certGhosts;
    mapping(bytes32 serialHash => bytes32 id) public certLatest;
    bytes32[] public certSerials;
    uint256[5] public certSuccesses; // record, confirm, reject, revoke, re-record after free
    mapping(bytes32 evidenceHash => bytes32 id) internal evidenceUser; // latest attestation it backs
    mapping(bytes32 evidenceHash => uint256 count) internal evidencePaid; // claims of attestations it backs
    uint256 public totalPaid;
    uint256 public openBonds;
    uint256 public credited;
    uint256 public withdrawn;
    uint256 public nonce;
    uint256[6] public successes; // submit, correct, verify, dispute, arbitrate, claim

    /// @dev Keys and roles come in arrays: twelve separate arguments are a stack too deep for the
    /// unoptimised build that coverage uses.
    constructor(
        AttestationRegistry r,
        ModelRegistry mr,
        LeafToken l,
        CertificateRegistry c,
        EfficiencyBonus eb,
        uint256[2] memory verifierKeys_,
        uint256[2] memory ownerKeys,
        address[4] memory roles // arbiter, challenger, admin, pauser
    ) {
        bonusContract = eb;
        verifierKeys = verifierKeys_;
        address v1 = vm.addr(verifierKeys_[0]);
        address v2 = vm.addr(verifierKeys_[1]);
        reg = r;
        models = mr;
        leaf = l;
        certs = c;
        verifiers = [v1, v2];
        (arbiter, challenger, admin, pauser) = (roles[0], roles[1], roles[2], roles[3]);
        AttestationRegistry.Params memory p = r.getParams();
        window = p.challengeWindow;
        current.baseline = p.baselineIntensity;
        current.methodBps = [uint256(p.methodBps[0]), p.methodBps[1], p.methodBps[2]];
        current.verifierBps = p.verifierBps;
        current.cap = p.maxRewardPerAttestation;
        activeVerifier[v1] = true;
        activeVerifier[v2] = true;
        holders = [vm.addr(ownerKeys[0]), vm.addr(ownerKeys[1]), v1, v2];
        keyOf[holders[0]] = ownerKeys[0];
        keyOf[holders[1]] = ownerKeys[1];
        keyOf[v1] = verifierKeys_[0];
        keyOf[v2] = verifierKeys_[1];
    }

    function _check(bool ok, string memory what) internal {
        if (ok) return;
        if (violations == 0) firstViolation = what;
        ++violations;
    }

    /// @dev Seconds elapsed outside pauses.
    function clock() public view returns (uint256) {
        return (isPaused ? pausedAt : block.timestamp) - pausedTotal;
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

    /// @dev SPEC 6, computed from the submitted fields and the ghost's parameters.
    function _specReward(Attestation memory a, RewardParams memory p) internal pure returns (uint256) {
        uint256 market = uint256(a.locationIntensity) * (10_000 - a.renewableBps) / 10_000;
        if (p.baseline <= market) return 0;
        uint256 avoidedG = uint256(a.energyWh) * (p.baseline - market) / 1000;
        uint256 r = avoidedG * p.methodBps[uint8(a.method)] / 10_000 * 1e15; // 1 LEAF per 1000 g
        return r > p.cap ? p.cap : r;
    }

    function idsLength() external view returns (uint256) {
        return ids.length;
    }

    function certIdsLength() external view returns (uint256) {
        return certIds.length;
    }

    function certSerialsLength() external view returns (uint256) {
        return certSerials.length;
    }

    function certGhost(bytes32 id) external view returns (CertGhost memory) {
        return certGhosts[id];
    }

    function ghost(bytes32 id) external view returns (Ghost memory) {
        return ghosts[id];
    }

    function period(bytes32 id) external view returns (uint64 start, uint64 end) {
        return (fields[id].periodStart, fields[id].periodEnd);
    }

    function _pick(uint256 seed) internal view returns (bytes32) {
        return ids[seed % ids.length];
    }

    /// @dev Mostly an attestation in `wanted` status (so actions succeed often), sometimes any.
    function _find(uint256 seed, Status wanted) internal view returns (bytes32) {
        uint256 n = ids.length;
        if (seed % 5 == 0) return ids[seed % n];
        for (uint256 i; i < n; ++i) {
            bytes32 id = ids[(seed % n + i) % n];
            if (ghosts[id].status == wanted) return id;
        }
        return ids[seed % n];
    }

    function _digest(bytes32 structHash) internal view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Greenprint"),
                keccak256("1"),
                block.chainid,
                address(reg)
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function _sign(uint256 key, bytes32 structHash) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, _digest(structHash));
        return abi.encodePacked(r, s, v);
    }

    /// @dev submitVerified with a verifier signature: lands Verified in one transaction.
    function submitVerified(uint256 modelSeed, uint256 kindSeed, uint64 len, uint64 energy, uint256 vSeed) external {
        uint256 m = bound(modelSeed, 1, models.totalModels());
        uint256 k = bound(kindSeed, 0, 2);
        uint64 start = maxEnd[m][k];
        uint64 end = start + uint64(bound(len, 1, 3 days));
        if (end > block.timestamp) vm.warp(end);
        Attestation memory a;
        a.modelId = m;
        a.kind = Kind(k);
        a.energyWh = uint64(bound(energy, 1, 1e13));
        a.pueMilli = 1000;
        a.locationIntensity = 100;
        a.periodStart = start;
        a.periodEnd = end;
        a.evidenceHash = keccak256(abi.encode("sv", ++nonce));
        uint256 key = verifierKeys[vSeed % 2];
        address v = verifiers[vSeed % 2];
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash =
            keccak256(abi.encode(reg.VERIFIED_ATTESTATION_TYPEHASH(), reg.attestationId(a), reg.nonces(v), deadline));
        bytes memory sig = _sign(key, structHash);
        uint256 n = reg.nonces(v);
        vm.prank(models.ownerOf(m));
        try reg.submitVerified(a, v, n, deadline, sig) returns (bytes32 id) {
            _record(id, a, false);
            maxEnd[m][k] = end;
            _onVerified(id, v);
            ++successes[0];
        } catch {
            _check(
                isPaused || !activeVerifier[v] || models.ownerOf(m) == v
                    || (k == 0 && models.getModel(m).trainingSealed),
                "unexpected submitVerified failure"
            );
        }
    }

    /// @dev A verdict signed by a verifier and relayed by anyone.
    function verdictWithSig(uint256 seed, uint256 vSeed, bool approve, address relayer) external {
        if (ids.length == 0) return;
        bytes32 id = _find(seed, Status.Submitted);
        uint256 key = verifierKeys[vSeed % 2];
        address v = verifiers[vSeed % 2];
        uint256 n = reg.nonces(v);
        uint256 deadline = block.timestamp;
        bytes memory sig =
            _sign(key, keccak256(abi.encode(reg.VERDICT_TYPEHASH(), id, approve, bytes32(0), n, deadline)));
        vm.prank(relayer);
        try reg.verdictWithSig(id, approve, bytes32(0), v, n, deadline, sig) {
            Ghost storage g = ghosts[id];
            _check(uint8(g.status) == uint8(Status.Submitted), "verdict on a non-submitted attestation");
            if (approve) {
                _onVerified(id, v);
                ++successes[2];
            } else {
                g.status = Status.Rejected;
                _freePeriod(id);
            }
        } catch {}
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

    function submit(uint256 modelSeed, uint256 kindSeed, uint64 gap, uint64 len, uint64 energy, uint256 misc) external {
        uint256 m = bound(modelSeed, 1, models.totalModels());
        uint256 k = bound(kindSeed, 0, 2);
        uint64 start = maxEnd[m][k] + uint64(bound(gap, 0, 1 days));
        uint64 end = start + uint64(bound(len, 1, 3 days));
        if (end > block.timestamp) vm.warp(end);
        Attestation memory a;
        a.modelId = m;
        a.kind = Kind(k);
        a.method = Method(misc % 3);
        a.energyWh = uint64(bound(energy, 1, 1e13));
        a.pueMilli = 1200;
        a.locationIntensity = uint32(misc % 2001);
        a.renewableBps = uint16((misc >> 16) % 10_001);
        a.periodStart = start;
        a.periodEnd = end;
        a.evidenceHash = keccak256(abi.encode(misc, ++nonce));
        // one time in seven, the evidence document of an earlier attestation (SPEC 4, v1.1 L-4)
        bool reused = misc % 7 == 0 && ids.length != 0;
        if (reused) a.evidenceHash = fields[ids[(misc >> 8) % ids.length]].evidenceHash;
        bool evidenceFree = !reused || _evidenceFree(a.evidenceHash);
        a.evidenceURI = "ipfs://e";
        (bool ok, bytes32 id) = _send(a, misc);
        if (ok) {
            _check(evidenceFree, "an evidence document backs two live attestations");
            _record(id, a, false);
            maxEnd[m][k] = end;
            ++successes[0];
        } else {
            // a pause, a sealed model (PRETRAINING) and used evidence are the only expected refusals
            _check(
                isPaused || (k == 0 && models.getModel(m).trainingSealed) || !evidenceFree, "unexpected submit failure"
            );
        }
    }

    /// @dev Submits as the model's current holder, or (one time in two) relays the holder's EIP-712 signature.
    function _send(Attestation memory a, uint256 misc) internal returns (bool ok, bytes32 id) {
        address owner = models.ownerOf(a.modelId);
        if (misc & (1 << 40) == 0) {
            vm.prank(owner);
            try reg.submit(a) returns (bytes32 got) {
                return (true, got);
            } catch {
                return (false, 0);
            }
        }
        uint256 n = reg.nonces(owner);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = _sign(
            keyOf[owner], keccak256(abi.encode(reg.SUBMIT_ATTESTATION_TYPEHASH(), reg.attestationId(a), n, deadline))
        );
        vm.prank(address(uint160(misc >> 48) | 1)); // any relayer
        try reg.submitWithSig(a, owner, n, deadline, sig) returns (bytes32 got) {
            ++signedSubmissions;
            return (true, got);
        } catch {
            return (false, 0);
        }
    }

    /// @dev The holder transfers a model NFT to another holder (possibly a verifier, who then may not verify it).
    function transferModel(uint256 modelSeed, uint256 toSeed) external {
        uint256 m = bound(modelSeed, 1, models.totalModels());
        address from = models.ownerOf(m);
        vm.prank(from);
        try models.transferFrom(from, holders[toSeed % 4], m) {
            ++transfers;
        } catch {
            _check(isPaused, "unexpected transfer failure");
        }
    }

    /// @dev A signer burns its current nonce; the next signatures use the following one.
    function cancelNonce(uint256 who) external {
        address signer = holders[who % 4];
        uint256 n = reg.nonces(signer);
        vm.prank(signer);
        try reg.cancelNonce() {
            _check(reg.nonces(signer) == n + 1, "cancelNonce did not burn the nonce");
            ++cancelledNonces;
        } catch {
            _check(isPaused, "unexpected cancelNonce failure");
        }
    }

    function correct(uint256 seed, uint64 energy, uint64 shift, uint64 extend) external {
        if (ids.length == 0) return;
        bytes32 pid = _pick(seed);
        Attestation memory a = abi.decode(abi.encode(fields[pid]), (Attestation));
        a.energyWh = uint64(bound(energy, 1, 1e13));
        // a correction may start later than its predecessor and may try to extend it
        a.periodStart += uint64(bound(shift, 0, a.periodEnd - a.periodStart - 1));
        if (extend % 3 == 0) {
            a.periodEnd += uint64(bound(extend, 1, 1 days));
            if (a.periodEnd > block.timestamp) vm.warp(a.periodEnd);
        }
        a.supersedes = pid;
        a.evidenceHash = keccak256(abi.encode(pid, ++nonce));
        vm.prank(models.ownerOf(a.modelId));
        try reg.submit(a) returns (bytes32 id) {
            _recordCorrection(pid, id, a);
        } catch {}
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

    /// @dev Live (Submitted, Verified, Disputed) PRETRAINING runs of a model.
    function _liveCount(uint256 m) internal view returns (uint256 n) {
        for (uint256 i; i < ids.length; ++i) {
            Ghost storage g = ghosts[ids[i]];
            if (g.modelId == m && g.kind == Kind.PRETRAINING && _live(g.status)) ++n;
        }
    }

    function _verifiedRun(uint256 m, uint256 energy, uint256 seed) internal {
        uint64 start = maxEnd[m][0];
        uint64 end = start + 1 days;
        if (end > block.timestamp) vm.warp(end);
        Attestation memory a;
        a.modelId = m;
        a.energyWh = uint64(energy);
        // one run in five an ESTIMATE: it can never be tallied, so that model never earns or funds a bonus
        if ((seed >> 24) % 5 == 1) a.method = Method.ESTIMATE;
        a.pueMilli = 1100;
        a.locationIntensity = uint32(seed % 400);
        a.periodStart = start;
        a.periodEnd = end;
        a.evidenceHash = keccak256(abi.encode("run", ++nonce));
        vm.prank(models.ownerOf(m));
        try reg.submit(a) returns (bytes32 id) {
            _record(id, a, false);
            maxEnd[m][0] = end;
            address v = verifiers[seed % 2];
            vm.prank(v);
            try reg.verify(id) {
                _onVerified(id, v);
            } catch {}
        } catch {}
    }

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

    function _live(Status s) internal pure returns (bool) {
        return s == Status.Submitted || s == Status.Verified || s == Status.Disputed;
    }

    /// @dev SPEC 6 (v1.1): what tallyTraining must accept: a Final METER/SOFTWARE PRETRAINING run of the model,
    /// not yet tallied.
    function _tallyable(bytes32 id, uint256 m) internal view returns (bool) {
        Ghost storage g = ghosts[id];
        return g.modelId == m && g.kind == Kind.PRETRAINING && fields[id].method != Method.ESTIMATE
            && g.status == Status.Verified && (clock() >= g.finalAt || g.claims != 0) && !tallied[id];
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
        uint256 m = bound(modelSeed, 1, models.totalModels());
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

    function fieldsOf(bytes32 id) external view returns (Attestation memory) {
        return fields[id];
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

    /// @dev Evidence is free when no attestation used it or the latest one is Rejected or Withdrawn.
    function _evidenceFree(bytes32 evidenceHash) internal view returns (bool) {
        Status s = ghosts[evidenceUser[evidenceHash]].status;
        return evidenceUser[evidenceHash] == bytes32(0) || s == Status.Rejected || s == Status.Withdrawn;
    }

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

    function verify(uint256 seed, uint256 vSeed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(seed, Status.Submitted);
        address v = verifiers[vSeed % 2];
        vm.prank(v);
        try reg.verify(id) {
            _check(uint8(ghosts[id].status) == uint8(Status.Submitted), "verified a non-submitted attestation");
            _onVerified(id, v);
            ++successes[2];
        } catch {}
    }

    function reject(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(seed, Status.Submitted);
        vm.prank(verifiers[0]);
        try reg.reject(id, bytes32(0)) {
            _check(uint8(ghosts[id].status) == uint8(Status.Submitted), "rejected a non-submitted attestation");
            ghosts[id].status = Status.Rejected;
            _freePeriod(id);
        } catch {}
    }

    function withdraw(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(seed, Status.Submitted);
        vm.prank(models.ownerOf(ghosts[id].modelId));
        try reg.withdraw(id) {
            _check(uint8(ghosts[id].status) == uint8(Status.Submitted), "withdrew a non-submitted attestation");
            ghosts[id].status = Status.Withdrawn;
            _freePeriod(id);
        } catch {}
    }

    function dispute(uint256 seed) external {
        if (ids.length == 0) return;
        bytes32 id = _find(seed, Status.Verified);
        for (uint256 i; i < ids.length && seed % 5 != 0; ++i) {
            bytes32 c = ids[(seed % ids.length + i) % ids.length];
            if (ghosts[c].status == Status.Verified && ghosts[c].finalAt > clock()) {
                id = c;
                break;
            }
        }
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

    function arbitrate(uint256 seed, bool uphold) external {
        if (ids.length == 0) return;
        bytes32 id = _find(seed, Status.Disputed);
        (, uint256 bond) = reg.disputeOf(id);
        vm.prank(arbiter);
        if (uphold) {
            try reg.upholdDispute(id, bytes32(0)) {
                _check(uint8(ghosts[id].status) == uint8(Status.Disputed), "upheld an undisputed attestation");
                ghosts[id].status = Status.Invalidated;
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
        bytes32 id = _find(seed, Status.Verified);
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
            g.status = Status.Invalidated;
            _onInvalidated(id);
            ++unreviewedInvalidations;
        } catch {
            _check(!allowed, "unexpected invalidateUnreviewed failure");
        }
    }

    /// @dev An invalidation (upheld dispute or invalidateUnreviewed) counts against the verifier and frees the period.
    function _onInvalidated(bytes32 id) internal {
        address v = verifiedBy[id];
        ++invalidatedVerdicts[v];
        (,, uint64 count) = reg.verifierRecord(v);
        _check(count == invalidatedVerdicts[v], "invalidated verdicts differ from the ghost");
        _freePeriod(id);
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
        bytes32 id = _find(seed, Status.Verified);
        // mostly an unclaimed one (a claimed attestation stays Verified in the ghost)
        for (uint256 i; i < ids.length && seed % 5 != 0; ++i) {
            bytes32 c = ids[(seed % ids.length + i) % ids.length];
            if (ghosts[c].status == Status.Verified && ghosts[c].claims == 0) {
                id = c;
                break;
            }
        }
        if (seed % 3 != 0 && ghosts[id].finalAt > clock() && !isPaused) {
            vm.warp(block.timestamp + ghosts[id].finalAt - clock());
        }
        Attestation memory a = fields[id];
        vm.prank(models.ownerOf(a.modelId));
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
        address v = verifiers[seed % 2];
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
        uint256 m = bound(modelSeed, 1, models.totalModels());
        vm.prank(models.ownerOf(m));
        try models.sealTraining(m) {} catch {}
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 4 days));
    }

    /// @dev Records a certificate: one of eight (registry, serial) pairs in canonical form, or (variant 4) the
    /// same certificate under another spelling of its registry or (variant 5) of its serial, which must never
    /// be recorded.
    function record(uint256 serialSeed, uint256 modelSeed, uint256 variant) external {
        uint256 m = bound(modelSeed, 1, models.totalModels());
        bytes32 registry = serialSeed % 2 == 0 ? bytes32("I-REC") : bytes32("Verra");
        string memory serial = string(abi.encodePacked("SE-", bytes1(uint8(0x30 + (serialSeed >> 1) % 4)), " TO 9"));
        variant %= 6;
        if (variant == 4) registry = serialSeed % 2 == 0 ? bytes32("i-rec") : bytes32("VERRA");
        if (variant == 5) serial = string(abi.encodePacked("se-", bytes1(uint8(0x30 + (serialSeed >> 1) % 4))));
        bytes32 h = keccak256(abi.encode(registry, serial));
        bytes32 latest = certLatest[h];
        CertificateStatus st = certGhosts[latest].status;
        bool held = st == CertificateStatus.Pending || st == CertificateStatus.Confirmed;
        address owner = models.ownerOf(m);
        vm.prank(owner);
        try certs.recordCertificate(m, CertificateKind.REC, 1000, registry, serial, "") returns (bytes32 id) {
            _check(variant < 4, "a certificate was recorded under another spelling");
            _check(!held && !isPaused, "recorded a held serial, or while paused");
            _check(certGhosts[id].serialHash == bytes32(0), "a certificate id was reused");
            if (latest == bytes32(0)) certSerials.push(h);
            else ++certSuccesses[4];
            certIds.push(id);
            certGhosts[id] = CertGhost(h, CertificateStatus.Pending, owner, m);
            certLatest[h] = id;
            ++certSuccesses[0];
        } catch {
            _check(variant >= 4 || held || isPaused, "unexpected record failure");
        }
    }

    /// @dev Mostly a certificate in `wanted` status, sometimes any (also freed, stale records).
    function _findCert(uint256 seed, CertificateStatus wanted) internal view returns (bytes32) {
        uint256 n = certIds.length;
        if (seed % 5 == 0) return certIds[seed % n];
        for (uint256 i; i < n; ++i) {
            bytes32 id = certIds[(seed % n + i) % n];
            if (certGhosts[id].status == wanted) return id;
        }
        return certIds[seed % n];
    }

    /// @dev A verifier confirms or rejects a certificate; it must succeed exactly when the SPEC allows it.
    function certVerdict(uint256 seed, bool confirm) external {
        if (certIds.length == 0) return;
        bytes32 id = _findCert(seed, CertificateStatus.Pending);
        address v = verifiers[(seed >> 8) % 2];
        CertGhost storage g = certGhosts[id];
        bool allowed = !isPaused && g.status == CertificateStatus.Pending && certLatest[g.serialHash] == id
            && activeVerifier[v] && g.submitter != v && models.ownerOf(g.modelId) != v;
        vm.prank(v);
        bool ok;
        if (confirm) {
            try certs.confirmCertificate(id) {
                ok = true;
            } catch {}
        } else {
            try certs.rejectCertificate(id, bytes32(0)) {
                ok = true;
            } catch {}
        }
        _check(ok == allowed, "certificate verdict against the SPEC");
        if (ok) {
            g.status = confirm ? CertificateStatus.Confirmed : CertificateStatus.Rejected;
            ++certSuccesses[confirm ? 1 : 2];
        }
    }

    /// @dev The arbiter revokes a certificate; only a Confirmed latest record, outside a pause.
    function certRevoke(uint256 seed) external {
        if (certIds.length == 0) return;
        bytes32 id = _findCert(seed, CertificateStatus.Confirmed);
        CertGhost storage g = certGhosts[id];
        bool allowed = !isPaused && g.status == CertificateStatus.Confirmed && certLatest[g.serialHash] == id;
        vm.prank(arbiter);
        try certs.revokeCertificate(id, bytes32(0)) {
            _check(allowed, "revoked against the SPEC");
            g.status = CertificateStatus.Revoked;
            ++certSuccesses[3];
        } catch {
            _check(!allowed, "unexpected revoke failure");
        }
    }
}

contract InvariantsTest is Base {
    Handler internal handler;

    function setUp() public override {
        super.setUp();
        _register(alice);
        _register(alice);
        _register(bob);
        _registerChild(alice, 1, 7e9); // 4 and 5: fine-tunes of 1 sharing its savings budget
        _registerChild(alice, 1, 8e9);
        handler = new Handler(
            reg,
            models,
            leaf,
            certs,
            bonus,
            [verifierPk, verifier2Pk],
            [alicePk, bobPk],
            [arbiter, challenger, admin, pauser]
        );
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

contract HandlerSmokeTest is Base {
    function test_HandlerSmoke() public {
        _register(alice);
        Handler h = new Handler(
            reg,
            models,
            leaf,
            certs,
            bonus,
            [verifierPk, verifier2Pk],
            [alicePk, bobPk],
            [arbiter, challenger, admin, pauser]
        );
        h.submit(1, 1, 0, 100, 1000, 7);
        h.verify(0, 0);
        assertEq(h.successes(2), 1);
        h.dispute(1);
        assertEq(h.successes(3), 1);
        h.arbitrate(1, true);
        assertEq(h.successes(4), 1);
        // the upheld period is free again: the next submission re-attests it
        h.submit(1, 1, 0, 100, 1000, 8);
        (uint64 start,) = h.period(h.ids(0));
        (uint64 again,) = h.period(h.ids(1));
        assertEq(again, start, "freed period attested again");
        h.verify(1, 0); // verifier index 0
        h.toggleVerifier(0); // revokes it
        h.invalidateUnreviewed(1);
        assertEq(h.unreviewedInvalidations(), 1);
        assertEq(h.violations(), 0, h.firstViolation());
    }
}

contract CertificateHandlerSmokeTest is Base {
    /// @dev Every certificate transition of the handler can succeed: record, confirm, revoke, re-record after
    /// the revocation, reject, re-record after the rejection; the variants under another spelling never do.
    function test_CertificateHandlerSmoke() public {
        _register(alice);
        Handler h = new Handler(
            reg,
            models,
            leaf,
            certs,
            bonus,
            [verifierPk, verifier2Pk],
            [alicePk, bobPk],
            [arbiter, challenger, admin, pauser]
        );
        h.record(0, 1, 0);
        h.certVerdict(1, true);
        h.certRevoke(1);
        h.record(0, 1, 1);
        h.certVerdict(1, false);
        h.record(0, 1, 2);
        h.record(0, 1, 4);
        h.record(0, 1, 5);
        assertEq(h.certSuccesses(0), 3, "records");
        assertEq(h.certSuccesses(1), 1, "confirmations");
        assertEq(h.certSuccesses(2), 1, "rejections");
        assertEq(h.certSuccesses(3), 1, "revocations");
        assertEq(h.certSuccesses(4), 2, "re-records after free");
        assertEq(h.violations(), 0, h.firstViolation());
    }
}

contract BonusHandlerSmokeTest is Base {
    /// @dev The handler's bonus path can pay: a bonus is refused while its tally is incomplete and paid once
    /// someone tallied; siblings share the parent's budget.
    function test_BonusHandlerSmoke() public {
        _register(alice);
        _register(alice);
        _register(bob);
        _registerChild(alice, 1, 7e9);
        _registerChild(alice, 1, 8e9);
        Handler h = new Handler(
            reg,
            models,
            leaf,
            certs,
            bonus,
            [verifierPk, verifier2Pk],
            [alicePk, bobPk],
            [arbiter, challenger, admin, pauser]
        );
        h.bonus(0, 1e9, 1e12); // child 4, nobody tallies: refused
        assertEq(h.bonusesPaid(), 0);
        assertEq(h.tallies(), 0);
        h.bonus(1 << 16, 1e9, 1e12); // child 4 again, both tallied first: paid
        assertEq(h.bonusesPaid(), 1);
        assertEq(h.tallies(), 2);
        h.bonus(1 | (1 << 16), 1e9, 1e12); // child 5: its own runs tallied, the parent's already are
        assertEq(h.bonusesPaid(), 2);
        assertEq(h.violations(), 0, h.firstViolation());
    }
}
