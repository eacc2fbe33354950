// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationRegistry} from "../../../contracts/AttestationRegistry.sol";
import {CertificateRegistry} from "../../../contracts/CertificateRegistry.sol";
import {Attestation, CertificateStatus, Kind, Status} from "../../../contracts/Common.sol";
import {EfficiencyBonus} from "../../../contracts/EfficiencyBonus.sol";
import {LeafToken} from "../../../contracts/LeafToken.sol";
import {ModelRegistry} from "../../../contracts/ModelRegistry.sol";
import {Test} from "forge-std/Test.sol";

/// @dev The protocol and actors a handler drives. Keys and roles come in arrays: twelve separate constructor
/// arguments are a stack too deep for the unoptimised build that coverage uses.
struct HandlerSetup {
    AttestationRegistry reg;
    ModelRegistry models;
    LeafToken leaf;
    CertificateRegistry certs;
    EfficiencyBonus bonus;
    uint256[2] verifierKeys;
    uint256[2] ownerKeys;
    address[4] roles; // arbiter, challenger, admin, pauser
}

/// @dev What the invariant handler drives (the protocol, its actors) and the ghost it keeps of what the SPEC says
/// must have happened; the views the invariants read it through; picking, signing and the recorded checks that
/// every action shares.
abstract contract HandlerState is Test {
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

    constructor(HandlerSetup memory s) {
        bonusContract = s.bonus;
        verifierKeys = s.verifierKeys;
        address v1 = vm.addr(s.verifierKeys[0]);
        address v2 = vm.addr(s.verifierKeys[1]);
        reg = s.reg;
        models = s.models;
        leaf = s.leaf;
        certs = s.certs;
        verifiers = [v1, v2];
        (arbiter, challenger, admin, pauser) = (s.roles[0], s.roles[1], s.roles[2], s.roles[3]);
        AttestationRegistry.Params memory p = s.reg.getParams();
        window = p.challengeWindow;
        current.baseline = p.baselineIntensity;
        current.methodBps = [uint256(p.methodBps[0]), p.methodBps[1], p.methodBps[2]];
        current.verifierBps = p.verifierBps;
        current.cap = p.maxRewardPerAttestation;
        activeVerifier[v1] = true;
        activeVerifier[v2] = true;
        holders = [vm.addr(s.ownerKeys[0]), vm.addr(s.ownerKeys[1]), v1, v2];
        keyOf[holders[0]] = s.ownerKeys[0];
        keyOf[holders[1]] = s.ownerKeys[1];
        keyOf[v1] = s.verifierKeys[0];
        keyOf[v2] = s.verifierKeys[1];
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

    function fieldsOf(bytes32 id) external view returns (Attestation memory) {
        return fields[id];
    }

    /// @dev A registered model id from a fuzzed seed.
    function _model(uint256 seed) internal view returns (uint256) {
        return bound(seed, 1, models.totalModels());
    }

    /// @dev The next call comes from the current holder of model `m`.
    function _asOwner(uint256 m) internal {
        vm.prank(models.ownerOf(m));
    }

    /// @dev One of the two verifiers and its key.
    function _verifier(uint256 seed) internal view returns (address, uint256) {
        return (verifiers[seed % 2], verifierKeys[seed % 2]);
    }

    /// @dev Mostly an entry of `list` that is `wanted` (so actions succeed often), sometimes any.
    function _find(bytes32[] storage list, uint256 seed, function(bytes32) internal view returns (bool) wanted)
        internal
        view
        returns (bytes32)
    {
        bytes32 any = list[seed % list.length];
        return seed % 5 == 0 ? any : _firstFrom(list, seed, wanted, any);
    }

    /// @dev The first entry of `list` from position `seed` on (wrapping) that is `wanted`, else `otherwise`.
    function _firstFrom(
        bytes32[] storage list,
        uint256 seed,
        function(bytes32) internal view returns (bool) wanted,
        bytes32 otherwise
    ) internal view returns (bytes32) {
        uint256 n = list.length;
        for (uint256 i; i < n; ++i) {
            bytes32 id = list[(seed % n + i) % n];
            if (wanted(id)) return id;
        }
        return otherwise;
    }

    function _isSubmitted(bytes32 id) internal view returns (bool) {
        return ghosts[id].status == Status.Submitted;
    }

    function _isVerified(bytes32 id) internal view returns (bool) {
        return ghosts[id].status == Status.Verified;
    }

    function _isDisputed(bytes32 id) internal view returns (bool) {
        return ghosts[id].status == Status.Disputed;
    }

    function _sign(uint256 key, bytes32 structHash) internal view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Greenprint"),
                keccak256("1"),
                block.chainid,
                address(reg)
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }
}
