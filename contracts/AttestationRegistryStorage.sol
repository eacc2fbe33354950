// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title Storage of the attestation registry, shared by its parts
/// @notice Every state variable of the AttestationRegistry, the bit layout of its words and the helpers
/// that decode them. AttestationRegistry (with its AttestationSignatures and AttestationGovernance bases)
/// and AttestationDisputes (run by delegatecall) both start their inheritance here, so they share one
/// storage layout: AccessControl's roles first, then the variables below (EIP712 and NoncesKeyed, which
/// only the registry has, come after them). New state goes here, never into a part: AttestationDisputes
/// declares no state variable of its own (only immutables, which live in its code).
/// @dev Bit layouts: see the AttestationRegistry's NatSpec and contracts/README.md.
// every variable of the registry lives here, by design
// solhint-disable-next-line max-states-count
abstract contract AttestationRegistryStorage is AccessControl, ReentrancyGuardTransient {
    /// @notice Accredited verifiers (granted through accreditVerifier or grantRole).
    bytes32 public constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");
    /// @notice Dispute arbiters.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Emergency pausers.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint256 internal constant _STATUS_MASK = 7;
    uint256 internal constant _KIND_SHIFT = 3;
    uint256 internal constant _CLAIMED = 1 << 5;
    uint256 internal constant _CORRECTION = 1 << 6;
    uint256 internal constant _VERDICT = 1 << 7;
    uint256 internal constant _EPOCH_SHIFT = 208;
    uint256 internal constant _MODEL_SHIFT = 8;
    uint256 internal constant _START_SHIFT = 56;
    uint256 internal constant _END_SHIFT = 96;
    uint256 internal constant _FINAL_SHIFT = 136;
    uint256 internal constant _ACTOR_SHIFT = 176;
    uint256 internal constant _M40 = (1 << 40) - 1;
    uint256 internal constant _M48 = (1 << 48) - 1;
    uint256 internal constant _LOW136 = (1 << 136) - 1;
    uint256 internal constant _LIVE_SHIFT = 120;
    uint256 internal constant _LIVE_ONE = 1 << 120;
    uint256 internal constant _LIVE_MAX = 0xffff;
    // on a Rejected attestation (whose bits 224..255 are otherwise unused): its period was freed, so no
    // correction of it may cover that period again (SPEC 4, v1.1)
    uint256 internal constant _FREED = 1 << 255;
    uint256 internal constant _TALLIED = 1 << 255; // in `_tallied[id]`, above the run's energy
    uint256 internal constant _TALLY_RUNS_SHIFT = 128; // `_tallies[modelId]`: sum of Wh | tallied runs << 128
    // in `_tallies[modelId]`: an approved efficiency bonus counted the model's runs (lockTraining); kept in the
    // tally word, non-zero by then, so that locking costs no fresh slot
    uint256 internal constant _TRAINING_LOCKED = 1 << 255;

    // bit offsets of the Config fields in its storage word (Solidity packs struct members from the low end)
    uint256 internal constant _BASELINE_BIT = 24;
    uint256 internal constant _METHOD_BPS_BIT = 40;
    uint256 internal constant _VERIFIER_BPS_BIT = 88;
    uint256 internal constant _MAX_REWARD_BIT = 104;
    uint256 internal constant _PAUSED = 1 << 200;
    uint256 internal constant _PAUSED_TOTAL_BIT = 208;
    uint256 internal constant _EPOCH_BIT = 240;

    uint256 internal constant _BPS = 10_000;

    /// @notice The model registry.
    IModelRegistry public immutable modelRegistry;

    /// @dev One word. `pausedTotal`: seconds spent paused so far (closed pauses); `epoch`: the reward-parameter
    /// epoch, bumped by every change of a reward parameter (the old values are kept in `_epochs`).
    struct Config {
        uint24 challengeWindow;
        uint16 baselineIntensity;
        uint16 meterBps;
        uint16 softwareBps;
        uint16 estimateBps;
        uint16 verifierBps;
        uint96 maxRewardPerAttestation;
        bool paused;
        uint32 pausedTotal;
        uint16 epoch;
    }

    struct VerifierInfo {
        uint32 index;
        bool active;
        uint64 invalidatedVerdicts;
    }

    Config internal _config;
    address internal _treasury;
    uint96 internal _disputeBond;
    uint32 internal _verifierCount;
    uint40 internal _pausedAt;
    uint16 internal _efficiencyBps;

    mapping(bytes32 id => uint256 state) internal _states;
    mapping(bytes32 id => bytes32 predecessor) internal _supersedes;
    mapping(bytes32 id => uint256 amount) internal _carriedPaid; // LEAF already paid along the supersede chain
    mapping(bytes32 id => uint256 packed) internal _disputes; // challenger | bond << 160
    mapping(address account => uint256 amount) internal _refunds;
    mapping(address account => VerifierInfo info) internal _verifiers;
    mapping(uint32 index => uint256 accountAndActive) internal _verifierByIndex; // account | active << 160
    mapping(uint256 epoch => uint256 config) internal _epochs; // the _config word of past reward epochs
    // the latest attestation backed by an evidence document (SPEC 4, v1.1: one document, one attestation)
    mapping(bytes32 evidenceHash => bytes32 id) internal _evidenceUse;
    // the efficiency bonus's running sums (SPEC 6, v1.1; see AttestationTally): per tallied run its energyWh |
    // _TALLIED, per model the tallied Wh | the number of tallied runs << _TALLY_RUNS_SHIFT | _TRAINING_LOCKED
    mapping(bytes32 id => uint256 energyAndFlag) internal _tallied;
    mapping(uint256 modelId => uint256 sumAndRuns) internal _tallies;

    /// @param models the ModelRegistry
    constructor(IModelRegistry models) {
        modelRegistry = models;
    }

    modifier whenNotPaused() {
        if (_config.paused) revert IAttestationRegistry.AttestationRegistryPaused();
        _;
    }

    /// @dev Keeps the compact verifier index and active flag in sync with VERIFIER_ROLE.
    function _grantRole(bytes32 role, address account) internal override returns (bool granted) {
        granted = super._grantRole(role, account);
        if (granted && role == VERIFIER_ROLE) {
            VerifierInfo storage v = _verifiers[account];
            if (v.index == 0) {
                uint32 index = ++_verifierCount;
                v.index = index;
            }
            v.active = true;
            _verifierByIndex[v.index] = uint256(uint160(account)) | (1 << 160);
        }
    }

    /// @dev Keeps the active flag in sync with VERIFIER_ROLE.
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        revoked = super._revokeRole(role, account);
        if (revoked && role == VERIFIER_ROLE) {
            VerifierInfo storage v = _verifiers[account];
            v.active = false;
            _verifierByIndex[v.index] = uint160(account);
        }
    }

    function _effective(uint256 s) internal view returns (Status) {
        uint256 stored = s & _STATUS_MASK;
        if (stored != uint256(Status.Verified)) return Status(stored);
        if (s & _CLAIMED != 0 || _clock() >= (s >> _FINAL_SHIFT) & _M40) return Status.Final;
        return Status.Verified;
    }

    /// @dev Frees the period of an attestation that becomes Rejected, Withdrawn or Invalidated (SPEC 4, v1.1):
    /// returns `cursor` (a model cursor) with the frontier of its kind moved back. The cursor keeps only the end
    /// of the latest period, so only the latest attestation of its kind (end == frontier) can give its period
    /// back; every other live one of that kind then ends at or before its start (periods never overlap), and an
    /// earlier one leaves a hole the frontier cannot express (it stays consumed). An ordinary attestation
    /// frees its whole period; a correction only what extends beyond its predecessor's end: a pending
    /// correction's predecessor is still live, and a verified one's was verified (and may have been paid)
    /// before it was superseded, so its period stays consumed either way.
    function _freePeriod(uint256 s, bytes32 id, uint256 cursor) internal view returns (uint256) {
        uint256 shift = 40 * ((s >> _KIND_SHIFT) & 3);
        uint256 end = (s >> _END_SHIFT) & _M40;
        if ((cursor >> shift) & _M40 != end) return cursor;
        uint256 to = s & _CORRECTION != 0 ? _states[_supersedes[id]] >> _END_SHIFT : s >> _START_SHIFT;
        to &= _M40;
        if (to >= end) return cursor;
        return (cursor & ~(_M40 << shift)) | (to << shift);
    }

    /// @dev Seconds elapsed outside pauses: frozen while paused, so no window ends during a pause.
    function _clock() internal view returns (uint256) {
        return (_config.paused ? _pausedAt : block.timestamp) - _config.pausedTotal;
    }

    /// @dev The `_config` slot as one word (bit offsets: the `_*_BIT` constants), decoded field by field.
    function _configWord() internal view returns (uint256 w) {
        assembly ("memory-safe") {
            w := sload(_config.slot)
        }
    }
}
