// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    ARBITER_ROLE as ARBITER_ROLE_ID,
    Kind,
    PAUSER_ROLE as PAUSER_ROLE_ID,
    Status,
    VERIFIER_ROLE as VERIFIER_ROLE_ID
} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {AttestationWord} from "./types/AttestationWord.sol";
import {ConfigWord} from "./types/ConfigWord.sol";
import {DisputeWord} from "./types/DisputeWord.sol";
import {ModelCursor} from "./types/ModelCursor.sol";
import {ModelTally, TalliedRun} from "./types/TallyWords.sol";
import {VerifierWord, VerifierWordLib} from "./types/VerifierWord.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title Storage of the attestation registry, shared by its parts
/// @notice Every state variable of the AttestationRegistry, the bit layout of its words and the helpers
/// that decode them. AttestationRegistry (with its AttestationSignatures and AttestationGovernance bases)
/// and AttestationDisputes (run by delegatecall) both start their inheritance here, so they share one
/// storage layout: AccessControl's roles first, then the variables below (EIP712 and NoncesKeyed, which
/// only the registry has, come after them). New state goes here, never into a part: AttestationDisputes
/// declares no state variable of its own (only immutables, which live in its code).
/// @dev Every packed word is a user-defined value type whose file in contracts/types/ holds its bit layout and
/// the only code that shifts and masks it.
// every variable of the registry lives here, by design
// solhint-disable-next-line max-states-count
abstract contract AttestationRegistryStorage is AccessControl, ReentrancyGuardTransient {
    /// @notice Accredited verifiers (granted through accreditVerifier or grantRole).
    bytes32 public constant VERIFIER_ROLE = VERIFIER_ROLE_ID;
    /// @notice Dispute arbiters.
    bytes32 public constant ARBITER_ROLE = ARBITER_ROLE_ID;
    /// @notice Emergency pausers.
    bytes32 public constant PAUSER_ROLE = PAUSER_ROLE_ID;

    uint256 internal constant _BPS = 10_000;

    /// @notice The model registry.
    IModelRegistry public immutable modelRegistry;

    /// @dev One word (layout: ConfigWord, read whole by `_configWord`). `pausedTotal`: seconds spent paused so
    /// far (closed pauses); `epoch`: the reward-parameter epoch, bumped by every change of a reward parameter (the
    /// old values are kept in `_epochs`).
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

    mapping(bytes32 id => AttestationWord state) internal _states;
    mapping(bytes32 id => bytes32 predecessor) internal _supersedes;
    mapping(bytes32 id => uint256 amount) internal _carriedPaid; // LEAF already paid along the supersede chain
    mapping(bytes32 id => DisputeWord dispute) internal _disputes;
    mapping(address account => uint256 amount) internal _refunds;
    mapping(address account => VerifierInfo info) internal _verifiers;
    mapping(uint32 index => VerifierWord verifier) internal _verifierByIndex;
    mapping(uint256 epoch => ConfigWord config) internal _epochs; // the _config word of past reward epochs
    // the latest attestation backed by an evidence document (SPEC 4, v1.1: one document, one attestation)
    mapping(bytes32 evidenceHash => bytes32 id) internal _evidenceUse;
    // the efficiency bonus's running sums (SPEC 6, v1.1; see AttestationTally)
    mapping(bytes32 id => TalliedRun run) internal _tallied;
    mapping(uint256 modelId => ModelTally tally) internal _tallies;

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
            _verifierByIndex[v.index] = VerifierWordLib.accredited(account);
        }
    }

    /// @dev Keeps the active flag in sync with VERIFIER_ROLE.
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        revoked = super._revokeRole(role, account);
        if (revoked && role == VERIFIER_ROLE) {
            VerifierInfo storage v = _verifiers[account];
            v.active = false;
            _verifierByIndex[v.index] = VerifierWordLib.revoked(account);
        }
    }

    function _effective(AttestationWord s) internal view returns (Status) {
        Status stored = s.storedStatus();
        if (stored != Status.Verified) return stored;
        if (s.claimed() || _clock() >= s.window()) return Status.Final;
        return Status.Verified;
    }

    /// @dev Frees the period of an attestation that becomes Rejected, Withdrawn or Invalidated (SPEC 4, v1.1):
    /// returns `cursor` with the frontier of its kind moved back. The cursor keeps only the end of the latest
    /// period, so only the latest attestation of its kind (end == frontier) can give its period back; every
    /// other live one of that kind then ends at or before its start (periods never overlap), and an earlier one
    /// leaves a hole the frontier cannot express (it stays consumed). An ordinary attestation frees its whole
    /// period; a correction only what extends beyond its predecessor's end: a pending correction's predecessor is
    /// still live, and a verified one's was verified (and may have been paid) before it was superseded, so its
    /// period stays consumed either way.
    function _freePeriod(AttestationWord s, bytes32 id, ModelCursor cursor) internal view returns (ModelCursor) {
        Kind kind = s.kind();
        uint256 end = s.periodEnd();
        if (cursor.latest(kind) != end) return cursor;
        uint256 to = s.isCorrection() ? _states[_supersedes[id]].periodEnd() : s.periodStart();
        if (to >= end) return cursor;
        return cursor.withLatest(kind, to);
    }

    /// @dev The model's owner, seal flag and cursor, from the model registry.
    function _context(uint256 modelId) internal view returns (address owner, bool trainingSealed, ModelCursor cursor) {
        uint256 raw;
        (owner, trainingSealed, raw) = modelRegistry.attestationContext(modelId);
        cursor = ModelCursor.wrap(raw);
    }

    /// @dev Stores the model's cursor in the model registry.
    function _setCursor(uint256 modelId, ModelCursor cursor) internal {
        modelRegistry.setAttestationCursor(modelId, ModelCursor.unwrap(cursor));
    }

    /// @dev `modelRegistry.ownerOf(modelId)` without the ABI round trip; bubbles up the registry's revert
    /// (ERC721NonexistentToken) for a missing model.
    function _ownerOf(uint256 modelId) internal view returns (address owner) {
        address target = address(modelRegistry);
        assembly ("memory-safe") {
            mstore(0x00, 0x6352211e) // ownerOf(uint256)
            mstore(0x20, modelId)
            if iszero(staticcall(gas(), target, 0x1c, 0x24, 0x00, 0x20)) {
                let m := mload(0x40)
                returndatacopy(m, 0, returndatasize())
                revert(m, returndatasize())
            }
            owner := mload(0x00)
        }
    }

    /// @dev Seconds elapsed outside pauses: frozen while paused, so no window ends during a pause.
    function _clock() internal view returns (uint256) {
        return (_config.paused ? _pausedAt : block.timestamp) - _config.pausedTotal;
    }

    /// @dev The `_config` slot as one word, decoded by ConfigWordLib.
    function _configWord() internal view returns (ConfigWord w) {
        assembly ("memory-safe") {
            w := sload(_config.slot)
        }
    }
}
