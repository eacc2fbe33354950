// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationHash} from "./AttestationHash.sol";
import {Attestation, Kind, Method, Status} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {ILeafToken} from "./ILeafToken.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {NoncesKeyed} from "@openzeppelin/contracts/utils/NoncesKeyed.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title Greenprint attestation registry (SPEC sections 2, 4, 5, 6)
/// @notice Attestations, verification (direct or by EIP-712 signature), disputes, supersession and LEAF
/// rewards. See IAttestationRegistry for the id scheme and type strings, contracts/README.md for the
/// storage layout and the trust model.
/// @dev Per attestation one word `_states[id]`:
///  bits 0..2 stored status | 3..4 kind | 5 claimed | 6 isCorrection | 7 has a verdict | 8..55 modelId |
///  56..95 periodStart | 96..135 periodEnd |
///  136..175 finalAt on the pause-free clock (while Disputed: remaining window) | 176..255 actor: low 80 bits
///  of the submitter until a verdict, then the verifier's index (176..207) and the reward-parameter epoch
///  (208..223). After the claim bits 136..255 hold the paid amount.
/// The pause-free clock (`_clock`) is block.timestamp minus every second the protocol spent paused: challenge
/// windows do not run during a pause (SPEC 5, v1.1).
/// Per model a 136-bit cursor lives in the model registry's model word: bits 40k..40k+39 the end of
/// the latest period of kind k, bits 120..135 the number of live (Submitted, Verified, Disputed)
/// PRETRAINING attestations.
contract AttestationRegistry is IAttestationRegistry, AccessControl, EIP712, NoncesKeyed, ReentrancyGuardTransient {
    /// @notice Accredited verifiers (granted through accreditVerifier or grantRole).
    bytes32 public constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");
    /// @notice Dispute arbiters.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Emergency pausers.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @notice EIP-712 type of the attestation fields; its struct hash is the attestation id.
    string public constant ATTESTATION_TYPE = "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,"
        "uint16 pueMilli,uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 embodiedG,"
        "uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,bytes32 rowsRoot,"
        "bytes32 supersedes)";
    /// @notice EIP-712 type signed by a model owner for submitWithSig.
    string public constant SUBMIT_ATTESTATION_TYPE = "SubmitAttestation(Attestation attestation,"
        "uint256 nonce,uint256 deadline)" "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,"
        "uint16 pueMilli,uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 embodiedG,"
        "uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,bytes32 rowsRoot,"
        "bytes32 supersedes)";
    /// @notice EIP-712 type signed by a verifier for submitVerified.
    string public constant VERIFIED_ATTESTATION_TYPE = "VerifiedAttestation(Attestation attestation,"
        "uint256 nonce,uint256 deadline)" "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,"
        "uint16 pueMilli,uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 embodiedG,"
        "uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,bytes32 rowsRoot,"
        "bytes32 supersedes)";
    /// @notice EIP-712 type signed by a verifier for verdictWithSig.
    string public constant VERDICT_TYPE =
        "Verdict(bytes32 attestationId,bool approve,bytes32 reasonHash,uint256 nonce,uint256 deadline)";

    /// @notice keccak256(ATTESTATION_TYPE)
    bytes32 public constant ATTESTATION_TYPEHASH = AttestationHash.TYPEHASH;
    /// @notice keccak256(SUBMIT_ATTESTATION_TYPE)
    bytes32 public constant SUBMIT_ATTESTATION_TYPEHASH = keccak256(bytes(SUBMIT_ATTESTATION_TYPE));
    /// @notice keccak256(VERIFIED_ATTESTATION_TYPE)
    bytes32 public constant VERIFIED_ATTESTATION_TYPEHASH = keccak256(bytes(VERIFIED_ATTESTATION_TYPE));
    /// @notice keccak256(VERDICT_TYPE)
    bytes32 public constant VERDICT_TYPEHASH = keccak256(bytes(VERDICT_TYPE));

    uint256 private constant _STATUS_MASK = 7;
    uint256 private constant _KIND_SHIFT = 3;
    uint256 private constant _CLAIMED = 1 << 5;
    uint256 private constant _CORRECTION = 1 << 6;
    uint256 private constant _VERDICT = 1 << 7;
    uint256 private constant _EPOCH_SHIFT = 208;
    uint256 private constant _MODEL_SHIFT = 8;
    uint256 private constant _START_SHIFT = 56;
    uint256 private constant _END_SHIFT = 96;
    uint256 private constant _FINAL_SHIFT = 136;
    uint256 private constant _ACTOR_SHIFT = 176;
    uint256 private constant _M40 = (1 << 40) - 1;
    uint256 private constant _M48 = (1 << 48) - 1;
    uint256 private constant _LOW136 = (1 << 136) - 1;
    uint256 private constant _LIVE_SHIFT = 120;
    uint256 private constant _LIVE_ONE = 1 << 120;
    uint256 private constant _LIVE_MAX = 0xffff;

    // bit offsets of the Config fields in its storage word (Solidity packs struct members from the low end)
    uint256 private constant _BASELINE_BIT = 24;
    uint256 private constant _METHOD_BPS_BIT = 40;
    uint256 private constant _VERIFIER_BPS_BIT = 88;
    uint256 private constant _MAX_REWARD_BIT = 104;
    uint256 private constant _PAUSED = 1 << 200;
    uint256 private constant _PAUSED_TOTAL_BIT = 208;
    uint256 private constant _EPOCH_BIT = 240;

    uint256 private constant _BPS = 10_000;
    uint256 private constant _WEI_PER_GRAM = 1e15; // 1 LEAF (1e18) per 1000 g

    /// @notice The model registry.
    IModelRegistry public immutable modelRegistry;
    /// @notice The LEAF token (this registry is its only minter).
    ILeafToken public immutable leaf;
    /// @notice The EfficiencyBonus contract, the only caller of mintEfficiencyBonus.
    address public immutable override efficiencyBonus;

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

    Config private _config;
    address private _treasury;
    uint96 private _disputeBond;
    uint32 private _verifierCount;
    uint40 private _pausedAt;
    uint16 private _efficiencyBps;

    mapping(bytes32 id => uint256 state) private _states;
    mapping(bytes32 id => bytes32 predecessor) private _supersedes;
    mapping(bytes32 id => uint256 amount) private _carriedPaid; // LEAF already paid along the supersede chain
    mapping(bytes32 id => uint256 packed) private _disputes; // challenger | bond << 160
    mapping(address account => uint256 amount) private _refunds;
    mapping(address account => VerifierInfo info) private _verifiers;
    mapping(uint32 index => uint256 accountAndActive) private _verifierByIndex; // account | active << 160
    mapping(uint256 epoch => uint256 config) private _epochs; // the _config word of past reward epochs
    mapping(uint256 modelId => bool locked) private _trainingLocked; // an approved efficiency bonus counted it

    /// @param models the ModelRegistry (its attestationRegistry must be this contract)
    /// @param leafToken the LeafToken (its minter must be this contract)
    /// @param bonus the EfficiencyBonus contract (may be a predicted address)
    /// @param admin receives DEFAULT_ADMIN_ROLE
    /// @param params initial parameters (each checked against its bounds)
    constructor(IModelRegistry models, ILeafToken leafToken, address bonus, address admin, Params memory params)
        EIP712("Greenprint", "1")
    {
        if (admin == address(0) || bonus == address(0)) revert AttestationRegistryZeroAddress();
        if (leafToken.minter() != address(this)) revert AttestationRegistryWrongMinter(leafToken.minter());
        if (models.attestationRegistry() != address(this)) {
            revert AttestationRegistryWrongModelRegistry(models.attestationRegistry());
        }
        modelRegistry = models;
        leaf = leafToken;
        efficiencyBonus = bonus;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ARBITER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _setChallengeWindow(params.challengeWindow);
        _setDisputeBond(params.disputeBond);
        _setBaselineIntensity(params.baselineIntensity);
        _setMethodBps(Method.METER, params.methodBps[0]);
        _setMethodBps(Method.SOFTWARE, params.methodBps[1]);
        _setMethodBps(Method.ESTIMATE, params.methodBps[2]);
        _setVerifierBps(params.verifierBps);
        _setEfficiencyBps(params.efficiencyBps);
        _setMaxReward(params.maxRewardPerAttestation);
        _setTreasury(params.treasury);
    }

    modifier whenNotPaused() {
        if (_config.paused) revert AttestationRegistryPaused();
        _;
    }

    // ================================================================ submission

    /// @inheritdoc IAttestationRegistry
    function submit(Attestation calldata attestation) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _submit(attestation, id, msg.sender, 0, address(0));
    }

    /// @inheritdoc IAttestationRegistry
    function submitWithSig(
        Attestation calldata attestation,
        address owner,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _useSignature(
            owner, keccak256(abi.encode(SUBMIT_ATTESTATION_TYPEHASH, id, nonce, deadline)), nonce, deadline, signature
        );
        _submit(attestation, id, owner, 0, address(0));
    }

    /// @inheritdoc IAttestationRegistry
    function submitVerified(
        Attestation calldata attestation,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override whenNotPaused returns (bytes32 id) {
        id = _hashAttestation(attestation);
        _useSignature(
            verifier,
            keccak256(abi.encode(VERIFIED_ATTESTATION_TYPEHASH, id, nonce, deadline)),
            nonce,
            deadline,
            signature
        );
        VerifierInfo memory v = _verifiers[verifier];
        if (!v.active) revert AttestationRegistryNotVerifier(verifier);
        if (verifier == msg.sender) revert AttestationRegistryVerifierIsOwner(attestation.modelId, verifier);
        _submit(attestation, id, msg.sender, v.index, verifier);
    }

    function _submit(Attestation calldata a, bytes32 id, address submitter, uint32 verifierIndex, address verifier)
        private
    {
        _validate(a);
        (address owner, bool trainingSealed, uint256 cursor) = modelRegistry.attestationContext(a.modelId);
        if (owner == address(0)) revert AttestationRegistryModelNotFound(a.modelId);
        if (owner != submitter) revert AttestationRegistryNotModelOwner(a.modelId, submitter);
        uint256 kind = uint256(a.kind);
        uint256 state = (kind << _KIND_SHIFT) | (a.modelId << _MODEL_SHIFT) | (uint256(a.periodStart) << _START_SHIFT)
            | (uint256(a.periodEnd) << _END_SHIFT);
        bytes32 predecessor = a.supersedes;
        if (predecessor == bytes32(0)) {
            if (kind == 0 && trainingSealed) revert AttestationRegistryTrainingSealed(a.modelId);
            uint256 latest = (cursor >> (40 * kind)) & _M40;
            if (a.periodStart < latest) revert AttestationRegistryPeriodOverlap(a.periodStart, uint64(latest));
            cursor = _setLatest(cursor, kind, a.periodEnd);
        } else {
            cursor = _checkCorrection(a, predecessor, cursor, kind);
            // on a sealed model a PRETRAINING correction may only restate, not extend, its predecessor
            if (kind == 0 && trainingSealed && a.periodEnd > (_states[predecessor] >> _END_SHIFT) & _M40) {
                revert AttestationRegistryTrainingSealed(a.modelId);
            }
            // the runs an approved efficiency bonus was computed from are never restated (SPEC 6, v1.1)
            if (kind == 0 && _trainingLocked[a.modelId]) revert AttestationRegistryTrainingLocked(a.modelId);
            state |= _CORRECTION;
            _supersedes[id] = predecessor;
        }
        if (kind == 0) {
            if (cursor >> _LIVE_SHIFT == _LIVE_MAX) revert AttestationRegistryTooManyRuns(a.modelId);
            cursor += _LIVE_ONE;
        }
        if (_states[id] != 0) revert AttestationRegistryAlreadyExists(id);
        if (verifierIndex == 0) {
            state |= uint256(Status.Submitted) | (uint256(uint80(uint160(submitter))) << _ACTOR_SHIFT);
        } else {
            if (predecessor != bytes32(0)) cursor = _supersede(id, predecessor, cursor);
            state |= _verifiedState(verifierIndex);
        }
        _states[id] = state;
        modelRegistry.setAttestationCursor(a.modelId, cursor);
        _emitSubmitted(id, a, submitter);
        if (verifierIndex != 0) emit AttestationVerified(id, verifier, _finalAtNow());
    }

    function _emitSubmitted(bytes32 id, Attestation calldata a, address submitter) private {
        uint256 e = a.energyWh;
        uint256 locationG = e * a.locationIntensity / 1000;
        uint256 marketG = e * a.locationIntensity * (_BPS - a.renewableBps) / 10_000_000;
        emit AttestationSubmitted(id, a.modelId, submitter, a, locationG, marketG, locationG + a.embodiedG);
    }

    function _validate(Attestation calldata a) private view {
        if (a.energyWh == 0) revert AttestationRegistryZeroEnergy(a.energyWh);
        if (a.pueMilli < 1000 || a.pueMilli > 5000) revert AttestationRegistryPueOutOfRange(a.pueMilli);
        if (a.renewableBps > _BPS) revert AttestationRegistryRenewableOutOfRange(a.renewableBps);
        if (a.locationIntensity > 2000) revert AttestationRegistryIntensityOutOfRange(a.locationIntensity);
        if (a.periodStart >= a.periodEnd) revert AttestationRegistryInvalidPeriod(a.periodStart, a.periodEnd);
        if (a.periodEnd > block.timestamp) revert AttestationRegistryPeriodInFuture(a.periodEnd, block.timestamp);
        if (a.evidenceHash == bytes32(0)) revert AttestationRegistryEmptyEvidence(a.evidenceHash);
    }

    function _checkCorrection(Attestation calldata a, bytes32 predecessor, uint256 cursor, uint256 kind)
        private
        view
        returns (uint256)
    {
        uint256 p = _states[predecessor];
        if (p == 0) revert AttestationRegistrySupersedesUnknown(predecessor);
        uint256 pModel = (p >> _MODEL_SHIFT) & _M48;
        if (pModel != a.modelId) revert AttestationRegistrySupersedesOtherModel(predecessor, pModel);
        if ((p >> _KIND_SHIFT) & 3 != kind) revert AttestationRegistrySupersedesOtherKind(predecessor, a.kind);
        _requireSupersedable(predecessor, p, true);
        uint256 pEnd = (p >> _END_SHIFT) & _M40;
        if (a.periodStart < (p >> _START_SHIFT) & _M40) {
            revert AttestationRegistryCorrectionOutsidePeriod(a.periodStart, a.periodEnd);
        }
        if (a.periodEnd > pEnd) {
            // only the latest attestation of its kind may be extended by its correction
            if ((cursor >> (40 * kind)) & _M40 != pEnd) {
                revert AttestationRegistryCorrectionOutsidePeriod(a.periodStart, a.periodEnd);
            }
            cursor = _setLatest(cursor, kind, a.periodEnd);
        }
        return cursor;
    }

    /// @dev Submitted, Verified (Final included), Rejected and (at submission only) Disputed attestations can
    /// be superseded, except an unverified correction (its own predecessor is still live).
    function _requireSupersedable(bytes32 id, uint256 p, bool atSubmission) private view {
        uint256 status = p & _STATUS_MASK;
        bool ok = status == uint256(Status.Submitted) || status == uint256(Status.Verified)
            || status == uint256(Status.Rejected) || (atSubmission && status == uint256(Status.Disputed));
        if (p & _CORRECTION != 0 && (status == uint256(Status.Submitted) || status == uint256(Status.Rejected))) {
            ok = false;
        }
        if (!ok) revert AttestationRegistryNotSupersedable(id, _effective(p));
    }

    function _supersede(bytes32 id, bytes32 predecessor, uint256 cursor) private returns (uint256) {
        uint256 p = _states[predecessor];
        _requireSupersedable(predecessor, p, false);
        uint256 status = p & _STATUS_MASK;
        if ((p >> _KIND_SHIFT) & 3 == 0 && status != uint256(Status.Rejected)) cursor -= _LIVE_ONE;
        _states[predecessor] = (p & ~_STATUS_MASK) | uint256(Status.Superseded);
        // what the chain ending at the predecessor already paid (its own claim is cumulative)
        uint256 carried = p & _CLAIMED != 0 ? p >> _FINAL_SHIFT : _carriedPaid[predecessor];
        if (carried != 0) _carriedPaid[id] = carried;
        emit AttestationSuperseded(predecessor, id);
        return cursor;
    }

    function _setLatest(uint256 cursor, uint256 kind, uint64 end) private pure returns (uint256) {
        uint256 shift = 40 * kind;
        return (cursor & ~(_M40 << shift)) | (uint256(end) << shift);
    }

    // ================================================================ verdicts

    /// @inheritdoc IAttestationRegistry
    function verify(bytes32 id) external override {
        _verdict(id, msg.sender, true, bytes32(0));
    }

    /// @inheritdoc IAttestationRegistry
    function reject(bytes32 id, bytes32 reasonHash) external override {
        _verdict(id, msg.sender, false, reasonHash);
    }

    /// @inheritdoc IAttestationRegistry
    function verdictWithSig(
        bytes32 id,
        bool approve,
        bytes32 reasonHash,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        if (_config.paused) revert AttestationRegistryPaused();
        _useSignature(
            verifier,
            keccak256(abi.encode(VERDICT_TYPEHASH, id, approve, reasonHash, nonce, deadline)),
            nonce,
            deadline,
            signature
        );
        _verdict(id, verifier, approve, reasonHash);
    }

    /// @dev Checks the pause itself: the config word it reads also gives the window, the pause time and the epoch.
    function _verdict(bytes32 id, address verifier, bool approve, bytes32 reasonHash) private {
        uint256 c = _configWord();
        if (c & _PAUSED != 0) revert AttestationRegistryPaused();
        uint256 s = _states[id];
        if (s & _STATUS_MASK != uint256(Status.Submitted)) revert AttestationRegistryWrongStatus(id, _effective(s));
        VerifierInfo memory v = _verifiers[verifier];
        if (!v.active) revert AttestationRegistryNotVerifier(verifier);
        if (uint80(s >> _ACTOR_SHIFT) == uint80(uint160(verifier))) {
            revert AttestationRegistryVerifierIsSubmitter(id, verifier);
        }
        uint256 modelId = (s >> _MODEL_SHIFT) & _M48;
        bool correction = s & _CORRECTION != 0;
        bool pretraining = (s >> _KIND_SHIFT) & 3 == 0;
        address owner;
        uint256 cursor;
        if (correction || (!approve && pretraining)) (owner,, cursor) = modelRegistry.attestationContext(modelId);
        else owner = _ownerOf(modelId);
        if (owner == verifier) revert AttestationRegistryVerifierIsOwner(modelId, verifier);
        s &= _LOW136 & ~_STATUS_MASK;
        if (approve) {
            if (correction) cursor = _supersede(id, _supersedes[id], cursor);
            _markVerified(id, s, verifier, v.index, c);
        } else {
            if (pretraining) cursor -= _LIVE_ONE;
            if (correction) cursor = _freeExtension(s, id, cursor);
            _states[id] = s | _VERDICT | (uint256(v.index) << _ACTOR_SHIFT) | uint256(Status.Rejected);
            emit AttestationRejected(id, verifier, reasonHash);
        }
        if (correction || (!approve && pretraining)) modelRegistry.setAttestationCursor(modelId, cursor);
    }

    /// @dev Verified status, the verdict flag, the verifier's index, the reward-parameter epoch in force and
    /// the end of the challenge window on the pause-free clock.
    /// Also returns that end as a timestamp (if no pause intervenes).
    function _verdictBits(uint32 verifierIndex, uint256 c) private view returns (uint256 bits, uint64 finalAt) {
        finalAt = uint64(block.timestamp + uint24(c)); // challengeWindow
        uint256 end = finalAt - uint32(c >> _PAUSED_TOTAL_BIT);
        bits = uint256(Status.Verified) | _VERDICT | (end << _FINAL_SHIFT) | (uint256(verifierIndex) << _ACTOR_SHIFT)
            | (uint256(uint16(c >> _EPOCH_BIT)) << _EPOCH_SHIFT);
    }

    function _markVerified(bytes32 id, uint256 s, address verifier, uint32 verifierIndex, uint256 c) private {
        (uint256 bits, uint64 finalAt) = _verdictBits(verifierIndex, c);
        _states[id] = s | bits;
        emit AttestationVerified(id, verifier, finalAt);
    }

    function _verifiedState(uint32 verifierIndex) private view returns (uint256 bits) {
        (bits,) = _verdictBits(verifierIndex, _configWord());
    }

    /// @dev The end of a challenge window opened now, as a timestamp (if no pause intervenes).
    function _finalAtNow() private view returns (uint64) {
        return uint64(block.timestamp + _config.challengeWindow);
    }

    /// @dev A withdrawn or rejected correction that extended its predecessor (and is still the latest of its
    /// kind) gives the extension back: the frontier returns to the predecessor's end, which keeps its own
    /// period (SPEC 4, v1.1). An unverified correction cannot itself be superseded, so nothing else lies beyond.
    function _freeExtension(uint256 s, bytes32 id, uint256 cursor) private view returns (uint256) {
        uint256 shift = 40 * ((s >> _KIND_SHIFT) & 3);
        uint256 end = (s >> _END_SHIFT) & _M40;
        uint256 pEnd = (_states[_supersedes[id]] >> _END_SHIFT) & _M40;
        if ((cursor >> shift) & _M40 == end && end > pEnd) cursor = (cursor & ~(_M40 << shift)) | (pEnd << shift);
        return cursor;
    }

    /// @inheritdoc IAttestationRegistry
    function withdraw(bytes32 id) external override whenNotPaused {
        uint256 s = _states[id];
        if (s & _STATUS_MASK != uint256(Status.Submitted)) revert AttestationRegistryWrongStatus(id, _effective(s));
        uint256 modelId = (s >> _MODEL_SHIFT) & _M48;
        (address owner,, uint256 cursor) = modelRegistry.attestationContext(modelId);
        if (owner != msg.sender) revert AttestationRegistryNotModelOwner(modelId, msg.sender);
        _states[id] = (s & ~_STATUS_MASK) | uint256(Status.Withdrawn);
        bool pretraining = (s >> _KIND_SHIFT) & 3 == 0;
        bool correction = s & _CORRECTION != 0;
        if (pretraining) cursor -= _LIVE_ONE;
        if (correction) cursor = _freeExtension(s, id, cursor);
        if (pretraining || correction) modelRegistry.setAttestationCursor(modelId, cursor);
        emit AttestationWithdrawn(id, msg.sender);
    }

    // ================================================================ disputes

    /// @inheritdoc IAttestationRegistry
    function dispute(bytes32 id, string calldata reasonURI) external payable override whenNotPaused nonReentrant {
        uint256 s = _states[id];
        if (s & _STATUS_MASK != uint256(Status.Verified) || s & _CLAIMED != 0) {
            revert AttestationRegistryWrongStatus(id, _effective(s));
        }
        uint256 end = (s >> _FINAL_SHIFT) & _M40;
        uint256 clock = block.timestamp - _config.pausedTotal; // not paused here
        if (clock >= end) revert AttestationRegistryChallengeWindowClosed(id, uint64(end + _config.pausedTotal));
        // a dismissed bond goes to the treasury: its own dispute would cost it nothing (SPEC 5, issue 12 I-5)
        if (msg.sender == _treasury) revert AttestationRegistryTreasuryCannotDispute(msg.sender);
        uint256 bond = _disputeBond;
        if (msg.value != bond) revert AttestationRegistryWrongBond(msg.value, bond);
        uint64 remaining = uint64(end - clock);
        _states[id] = (s & ~(_STATUS_MASK | (_M40 << _FINAL_SHIFT))) | uint256(Status.Disputed)
            | (uint256(remaining) << _FINAL_SHIFT);
        _disputes[id] = uint256(uint160(msg.sender)) | (bond << 160);
        emit AttestationDisputed(id, msg.sender, bond, remaining, reasonURI);
    }

    /// @inheritdoc IAttestationRegistry
    function upholdDispute(bytes32 id, bytes32 rulingHash)
        external
        override
        whenNotPaused
        nonReentrant
        onlyRole(ARBITER_ROLE)
    {
        uint256 s = _states[id];
        (address challenger, uint256 bond) = _takeDispute(id, s);
        _refunds[challenger] += bond;
        address verifier = address(uint160(_verifierByIndex[uint32(s >> _ACTOR_SHIFT)]));
        ++_verifiers[verifier].invalidatedVerdicts;
        _states[id] = (s & ~_STATUS_MASK) | uint256(Status.Invalidated);
        if ((s >> _KIND_SHIFT) & 3 == 0) {
            uint256 modelId = (s >> _MODEL_SHIFT) & _M48;
            (,, uint256 cursor) = modelRegistry.attestationContext(modelId);
            modelRegistry.setAttestationCursor(modelId, cursor - _LIVE_ONE);
        }
        emit DisputeUpheld(id, msg.sender, challenger, verifier, bond, rulingHash);
    }

    /// @inheritdoc IAttestationRegistry
    function dismissDispute(bytes32 id, bytes32 rulingHash)
        external
        override
        whenNotPaused
        nonReentrant
        onlyRole(ARBITER_ROLE)
    {
        uint256 s = _states[id];
        (address challenger, uint256 bond) = _takeDispute(id, s);
        _refunds[_treasury] += bond;
        uint256 remaining = (s >> _FINAL_SHIFT) & _M40;
        uint64 finalAt = uint64(block.timestamp + remaining);
        _states[id] = (s & ~(_STATUS_MASK | (_M40 << _FINAL_SHIFT))) | uint256(Status.Verified)
            | ((uint256(finalAt) - _config.pausedTotal) << _FINAL_SHIFT);
        emit DisputeDismissed(id, msg.sender, challenger, bond, finalAt, rulingHash);
    }

    function _takeDispute(bytes32 id, uint256 s) private returns (address challenger, uint256 bond) {
        if (s & _STATUS_MASK != uint256(Status.Disputed)) revert AttestationRegistryWrongStatus(id, _effective(s));
        uint256 d = _disputes[id];
        delete _disputes[id];
        challenger = address(uint160(d));
        bond = d >> 160;
    }

    /// @inheritdoc IAttestationRegistry
    function withdrawRefund() external override whenNotPaused nonReentrant {
        uint256 amount = _refunds[msg.sender];
        if (amount == 0) revert AttestationRegistryNothingToWithdraw(msg.sender);
        _refunds[msg.sender] = 0;
        emit RefundWithdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert AttestationRegistryTransferFailed(msg.sender, amount);
    }

    // ================================================================ rewards

    /// @inheritdoc IAttestationRegistry
    function claimReward(Attestation calldata attestation)
        external
        override
        whenNotPaused
        nonReentrant
        returns (uint256 reward, uint256 verifierReward)
    {
        bytes32 id = _hashAttestation(attestation);
        uint256 s = _states[id];
        if (s & _CLAIMED != 0) revert AttestationRegistryAlreadyClaimed(id);
        Status status = _effective(s);
        if (status != Status.Final) revert AttestationRegistryNotFinal(id, status);
        address owner = _ownerOf(attestation.modelId);
        if (owner != msg.sender) revert AttestationRegistryNotModelOwner(attestation.modelId, msg.sender);
        uint256 c = _rewardConfig(s);
        reward = _reward(
            c, attestation.energyWh, attestation.locationIntensity, attestation.renewableBps, attestation.method
        );
        uint256 alreadyPaid;
        if (s & _CORRECTION != 0) {
            alreadyPaid = _carriedPaid[id];
            reward = reward > alreadyPaid ? reward - alreadyPaid : 0;
        }
        address verifier;
        (verifier, verifierReward) = _verifierShare(s, reward * uint16(c >> _VERIFIER_BPS_BIT) / _BPS);
        // stores the cumulative amount paid to owners along the supersede chain
        _states[id] = (s & _LOW136) | _CLAIMED | ((alreadyPaid + reward) << _FINAL_SHIFT);
        emit RewardClaimed(id, attestation.modelId, owner, reward, verifier, verifierReward);
        if (reward != 0) {
            leaf.mint(owner, reward);
            if (verifierReward != 0) leaf.mint(verifier, verifierReward);
        }
    }

    /// @dev The reward parameters in force when the attestation was verified (SPEC 6, v1.1).
    function _rewardConfig(uint256 s) private view returns (uint256 c) {
        c = _configWord();
        uint256 epoch = uint16(s >> _EPOCH_SHIFT);
        if (epoch != uint16(c >> _EPOCH_BIT)) c = _epochs[epoch];
    }

    /// @dev The `_config` slot as one word (bit offsets: the `_*_BIT` constants), decoded field by field.
    function _configWord() private view returns (uint256 w) {
        assembly ("memory-safe") {
            w := sload(_config.slot)
        }
    }

    /// @dev A revoked verifier earns no share of rewards claimed after its revocation (SPEC 5, v1.1).
    function _verifierShare(uint256 s, uint256 share) private view returns (address verifier, uint256 paid) {
        uint256 v = _verifierByIndex[uint32(s >> _ACTOR_SHIFT)];
        verifier = address(uint160(v));
        if (v >> 160 != 0) paid = share;
    }

    /// @param c a `_config` word
    function _reward(uint256 c, uint256 energyWh, uint256 locationIntensity, uint256 renewableBps, Method method)
        private
        pure
        returns (uint256)
    {
        uint256 marketIntensity = locationIntensity * (_BPS - renewableBps) / _BPS;
        uint256 baseline = uint16(c >> _BASELINE_BIT);
        if (baseline <= marketIntensity) return 0;
        uint256 avoidedG = energyWh * (baseline - marketIntensity) / 1000;
        uint256 bps = uint16(c >> (_METHOD_BPS_BIT + 16 * uint256(method))); // METER, SOFTWARE, ESTIMATE in order
        uint256 reward = avoidedG * bps / _BPS * _WEI_PER_GRAM;
        uint256 cap = uint96(c >> _MAX_REWARD_BIT);
        return reward > cap ? cap : reward;
    }

    // ================================================================ efficiency bonus

    /// @inheritdoc IAttestationRegistry
    function mintEfficiencyBonus(address owner, uint256 bonus, address verifier, uint256 verifierReward)
        external
        override
    {
        if (msg.sender != efficiencyBonus) revert AttestationRegistryNotEfficiencyBonus(msg.sender);
        if (bonus != 0) leaf.mint(owner, bonus);
        if (verifierReward != 0) leaf.mint(verifier, verifierReward);
    }

    /// @inheritdoc IAttestationRegistry
    function lockTraining(uint256 modelId) external override {
        if (msg.sender != efficiencyBonus) revert AttestationRegistryNotEfficiencyBonus(msg.sender);
        _trainingLocked[modelId] = true;
    }

    // ================================================================ signatures

    /// @inheritdoc IAttestationRegistry
    function cancelNonce() external override whenNotPaused {
        emit NonceCancelled(msg.sender, _useNonce(msg.sender));
    }

    /// @inheritdoc IAttestationRegistry
    function cancelKeyedNonce(uint192 key) external override whenNotPaused {
        emit NonceCancelled(msg.sender, _useNonce(msg.sender, key));
    }

    function _useSignature(
        address signer,
        bytes32 structHash,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) private {
        if (block.timestamp > deadline) revert AttestationRegistryExpired(deadline);
        _useCheckedNonce(signer, nonce); // keyed (SPEC 5, v1.1): key << 64 | sequence, key 0 = the v1 sequence
        bytes32 digest = _hashTypedDataV4(structHash);
        // ECDSA first (no EXTCODESIZE on the signer for EOAs; high-s and malformed signatures are refused by
        // OpenZeppelin's ECDSA), then ERC-1271 for contract wallets.
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, signature);
        if (
            (err != ECDSA.RecoverError.NoError || recovered != signer)
                && !SignatureChecker.isValidERC1271SignatureNow(signer, digest, signature)
        ) revert AttestationRegistryInvalidSignature(signer);
    }

    function _hashAttestation(Attestation calldata a) private pure returns (bytes32) {
        return AttestationHash.hash(a);
    }

    // ================================================================ governance

    /// @inheritdoc IAttestationRegistry
    function accreditVerifier(address account, string calldata name, string calldata uri)
        external
        override
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        if (account == address(0)) revert AttestationRegistryZeroAddress();
        _grantRole(VERIFIER_ROLE, account);
        emit VerifierProfileSet(account, _verifiers[account].index, name, uri);
    }

    /// @inheritdoc IAttestationRegistry
    function updateVerifierProfile(string calldata name, string calldata uri) external override whenNotPaused {
        VerifierInfo memory v = _verifiers[msg.sender];
        if (!v.active) revert AttestationRegistryNotVerifier(msg.sender);
        emit VerifierProfileSet(msg.sender, v.index, name, uri);
    }

    /// @inheritdoc IAttestationRegistry
    function pause() external override onlyRole(PAUSER_ROLE) {
        _setPaused(true);
    }

    /// @inheritdoc IAttestationRegistry
    function unpause() external override onlyRole(PAUSER_ROLE) {
        _setPaused(false);
    }

    /// @dev Pause time is kept off the challenge-window clock (SPEC 5, v1.1).
    function _setPaused(bool value) private {
        if (value != _config.paused) {
            if (value) _pausedAt = uint40(block.timestamp);
            else _config.pausedTotal += uint32(block.timestamp - _pausedAt);
        }
        _config.paused = value;
        modelRegistry.setPaused(value);
        emit PauseSet(msg.sender, value);
    }

    /// @inheritdoc IAttestationRegistry
    function setChallengeWindow(uint32 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setChallengeWindow(value);
    }

    /// @inheritdoc IAttestationRegistry
    function setDisputeBond(uint96 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDisputeBond(value);
    }

    /// @inheritdoc IAttestationRegistry
    function setBaselineIntensity(uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setBaselineIntensity(value);
    }

    /// @inheritdoc IAttestationRegistry
    function setMethodBps(Method method, uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setMethodBps(method, value);
    }

    /// @inheritdoc IAttestationRegistry
    function setVerifierBps(uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setVerifierBps(value);
    }

    /// @inheritdoc IAttestationRegistry
    function setEfficiencyBps(uint16 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setEfficiencyBps(value);
    }

    /// @inheritdoc IAttestationRegistry
    function setMaxRewardPerAttestation(uint96 value) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _newEpoch();
        _setMaxReward(value);
    }

    /// @inheritdoc IAttestationRegistry
    function setTreasury(address treasury) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTreasury(treasury);
    }

    /// @dev Keeps the reward parameters of the ending epoch for the attestations verified under them.
    function _newEpoch() private {
        Config storage current = _config;
        uint16 epoch = current.epoch;
        _epochs[epoch] = _configWord();
        current.epoch = epoch + 1;
    }

    function _check(bytes32 name, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert AttestationRegistryParameterOutOfRange(name, value);
    }

    function _setChallengeWindow(uint32 value) private {
        _check("challengeWindow", value, 60, 90 days);
        emit ParameterSet("challengeWindow", _config.challengeWindow, value);
        _config.challengeWindow = uint24(value);
    }

    function _setDisputeBond(uint96 value) private {
        _check("disputeBond", value, 1, 1000 ether);
        emit ParameterSet("disputeBond", _disputeBond, value);
        _disputeBond = value;
    }

    function _setBaselineIntensity(uint16 value) private {
        _check("baselineIntensity", value, 1, 2000);
        emit ParameterSet("baselineIntensity", _config.baselineIntensity, value);
        _config.baselineIntensity = value;
    }

    function _setMethodBps(Method method, uint16 value) private {
        bytes32 name = method == Method.METER
            ? bytes32("methodBps.METER")
            : method == Method.SOFTWARE ? bytes32("methodBps.SOFTWARE") : bytes32("methodBps.ESTIMATE");
        _check(name, value, 0, _BPS);
        // the three weights are consecutive uint16 fields of the config word (METER, SOFTWARE, ESTIMATE)
        uint256 shift = _METHOD_BPS_BIT + 16 * uint256(method);
        uint256 c = _configWord();
        emit ParameterSet(name, uint16(c >> shift), value);
        c = (c & ~(uint256(0xffff) << shift)) | (uint256(value) << shift);
        assembly ("memory-safe") {
            sstore(_config.slot, c)
        }
    }

    function _setVerifierBps(uint16 value) private {
        _check("verifierBps", value, 0, 5000);
        emit ParameterSet("verifierBps", _config.verifierBps, value);
        _config.verifierBps = value;
    }

    function _setEfficiencyBps(uint16 value) private {
        _check("efficiencyBps", value, 0, _BPS);
        emit ParameterSet("efficiencyBps", _efficiencyBps, value);
        _efficiencyBps = value;
    }

    function _setMaxReward(uint96 value) private {
        _check("maxRewardPerAttestation", value, 1e18, 1e27);
        emit ParameterSet("maxRewardPerAttestation", _config.maxRewardPerAttestation, value);
        _config.maxRewardPerAttestation = value;
    }

    function _setTreasury(address treasury) private {
        if (treasury == address(0)) revert AttestationRegistryZeroAddress();
        emit TreasurySet(_treasury, treasury);
        _treasury = treasury;
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

    // ================================================================ views

    /// @inheritdoc IAttestationRegistry
    function getAttestation(bytes32 id) external view override returns (AttestationState memory st) {
        uint256 s = _states[id];
        st.status = _effective(s);
        st.kind = Kind((s >> _KIND_SHIFT) & 3);
        st.claimed = s & _CLAIMED != 0;
        st.isCorrection = s & _CORRECTION != 0;
        st.modelId = (s >> _MODEL_SHIFT) & _M48;
        st.periodStart = uint64((s >> _START_SHIFT) & _M40);
        st.periodEnd = uint64((s >> _END_SHIFT) & _M40);
        uint256 stored = s & _STATUS_MASK;
        if (st.claimed) {
            st.paid = s >> _FINAL_SHIFT;
        } else if (stored == uint256(Status.Disputed)) {
            st.remainingWindow = uint64((s >> _FINAL_SHIFT) & _M40);
        } else if (stored != uint256(Status.Invalidated) && (s >> _FINAL_SHIFT) & _M40 != 0) {
            // as a timestamp: the pause-free deadline plus the time paused so far
            st.finalAt = uint64(((s >> _FINAL_SHIFT) & _M40) + block.timestamp - _clock());
        }
        // only a verdict stores a verifier (before it the bits hold the submitter)
        if (s & _VERDICT != 0 && !st.claimed) {
            st.verifier = address(uint160(_verifierByIndex[uint32(s >> _ACTOR_SHIFT)]));
        }
    }

    /// @inheritdoc IAttestationRegistry
    function effectiveStatus(bytes32 id) external view override returns (Status) {
        return _effective(_states[id]);
    }

    /// @inheritdoc IAttestationRegistry
    function attestationId(Attestation calldata attestation) external pure override returns (bytes32) {
        return _hashAttestation(attestation);
    }

    /// @inheritdoc IAttestationRegistry
    function computeReward(uint64 energyWh, uint32 locationIntensity, uint16 renewableBps, Method method)
        external
        view
        override
        returns (uint256)
    {
        if (renewableBps > _BPS) revert AttestationRegistryRenewableOutOfRange(renewableBps);
        return _reward(_configWord(), energyWh, locationIntensity, renewableBps, method);
    }

    /// @inheritdoc IAttestationRegistry
    function getParams() external view override returns (Params memory p) {
        uint256 c = _configWord();
        p.challengeWindow = uint24(c);
        p.baselineIntensity = uint16(c >> _BASELINE_BIT);
        for (uint256 m; m < 3; ++m) {
            p.methodBps[m] = uint16(c >> (_METHOD_BPS_BIT + 16 * m));
        }
        p.verifierBps = uint16(c >> _VERIFIER_BPS_BIT);
        p.efficiencyBps = _efficiencyBps;
        p.maxRewardPerAttestation = uint96(c >> _MAX_REWARD_BIT);
        p.disputeBond = _disputeBond;
        p.treasury = _treasury;
    }

    /// @inheritdoc IAttestationRegistry
    function paused() external view override returns (bool) {
        return _config.paused;
    }

    /// @inheritdoc IAttestationRegistry
    function isVerifier(address account) external view override returns (bool) {
        return _verifiers[account].active;
    }

    /// @inheritdoc IAttestationRegistry
    function verifierRecord(address account)
        external
        view
        override
        returns (bool active, uint32 index, uint64 invalidatedVerdicts)
    {
        VerifierInfo memory v = _verifiers[account];
        return (v.active, v.index, v.invalidatedVerdicts);
    }

    /// @inheritdoc IAttestationRegistry
    function refundOf(address account) external view override returns (uint256) {
        return _refunds[account];
    }

    /// @inheritdoc IAttestationRegistry
    function disputeOf(bytes32 id) external view override returns (address challenger, uint256 bond) {
        uint256 d = _disputes[id];
        return (address(uint160(d)), d >> 160);
    }

    /// @inheritdoc IAttestationRegistry
    function supersedesOf(bytes32 id) external view override returns (bytes32) {
        return _supersedes[id];
    }

    /// @inheritdoc IAttestationRegistry
    function modelCursor(uint256 modelId)
        external
        view
        override
        returns (uint64[3] memory latestEnd, uint16 livePretraining)
    {
        (,, uint256 cursor) = modelRegistry.attestationContext(modelId);
        for (uint256 k; k < 3; ++k) {
            latestEnd[k] = uint64((cursor >> (40 * k)) & _M40);
        }
        livePretraining = uint16(cursor >> _LIVE_SHIFT);
    }

    function _effective(uint256 s) private view returns (Status) {
        uint256 stored = s & _STATUS_MASK;
        if (stored != uint256(Status.Verified)) return Status(stored);
        if (s & _CLAIMED != 0 || _clock() >= (s >> _FINAL_SHIFT) & _M40) return Status.Final;
        return Status.Verified;
    }

    /// @dev Seconds elapsed outside pauses: frozen while paused, so no window ends during a pause.
    function _clock() private view returns (uint256) {
        return (_config.paused ? _pausedAt : block.timestamp) - _config.pausedTotal;
    }

    /// @dev `modelRegistry.ownerOf(modelId)` without the ABI round trip; bubbles up the registry's revert
    /// (ERC721NonexistentToken) for a missing model.
    function _ownerOf(uint256 modelId) private view returns (address owner) {
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
}
