// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ARBITER_ROLE, CertificateKind, CertificateStatus} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {ICertificateRegistry} from "./ICertificateRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {SerialWord, SerialWordLib} from "./types/SerialWord.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title Greenprint certificates (SPEC section 8, v1.1)
/// @notice See ICertificateRegistry. Roles and pause come from the AttestationRegistry.
/// @dev One word per serial, keyed by the top 224 bits of its serialHash (the double-claim guard; a collision
/// needs ~2^112 hashes), holding its latest certificate (layout: SerialWord). A certificate id is
/// `key << 32 | record number`, so an id leads back to its word without a second slot (recordCertificate writes
/// one fresh slot: <= 90k gas), and a verdict meant for an earlier, freed record of the serial never lands on a
/// later one.
contract CertificateRegistry is ICertificateRegistry {
    /// @notice The attestation registry (roles and pause).
    IAttestationRegistry public immutable attestations;
    /// @notice The model registry.
    IModelRegistry public immutable models;

    mapping(uint256 serialKey => SerialWord state) private _serials;
    mapping(bytes32 registry => bool accepted) private _issuers;

    /// @param attestationRegistry the AttestationRegistry
    /// @param modelRegistry the ModelRegistry
    /// @param issuers the issuing registry labels accepted from the start (governance may change them)
    constructor(IAttestationRegistry attestationRegistry, IModelRegistry modelRegistry, bytes32[] memory issuers) {
        attestations = attestationRegistry;
        models = modelRegistry;
        for (uint256 i; i < issuers.length; ++i) {
            _setIssuer(issuers[i], true);
        }
    }

    modifier whenNotPaused() {
        if (attestations.paused()) revert CertificateRegistryPaused();
        _;
    }

    /// @inheritdoc ICertificateRegistry
    function recordCertificate(
        uint256 modelId,
        CertificateKind kind,
        uint64 amount,
        bytes32 registry,
        string calldata serial,
        string calldata uri
    ) external override whenNotPaused returns (bytes32 id) {
        if (amount == 0) revert CertificateRegistryZeroAmount(amount);
        if (!_issuers[registry]) revert CertificateRegistryUnknownIssuer(registry);
        _checkSerial(serial);
        if (IERC721(address(models)).ownerOf(modelId) != msg.sender) {
            revert CertificateRegistryNotModelOwner(modelId, msg.sender);
        }
        bytes32 serialHash = keccak256(abi.encode(registry, serial));
        id = _hold(serialHash, kind, modelId);
        emit CertificateRecorded(id, modelId, msg.sender, kind, amount, registry, serialHash, serial, uri);
    }

    /// @dev Takes the serial's word for a new Pending record, unless a Pending or Confirmed one holds it.
    function _hold(bytes32 serialHash, CertificateKind kind, uint256 modelId) private returns (bytes32 id) {
        uint256 key = SerialWordLib.keyOf(serialHash);
        SerialWord s = _serials[key];
        CertificateStatus status = s.status();
        uint256 n = s.record() + 1;
        // n > 2^32 - 1: a serial recorded 2^32 - 1 times (each freed by a verdict) cannot be recorded again
        if (status == CertificateStatus.Pending || status == CertificateStatus.Confirmed || n > type(uint32).max) {
            revert CertificateRegistrySerialHeld(serialHash, SerialWordLib.certificateId(key, n - 1));
        }
        id = SerialWordLib.certificateId(key, n);
        _serials[key] = SerialWordLib.pending(kind, modelId, msg.sender, n);
    }

    /// @inheritdoc ICertificateRegistry
    function confirmCertificate(bytes32 id) external override whenNotPaused {
        _verdict(id, CertificateStatus.Confirmed);
        emit CertificateConfirmed(id, msg.sender);
    }

    /// @inheritdoc ICertificateRegistry
    function rejectCertificate(bytes32 id, bytes32 reasonHash) external override whenNotPaused {
        _verdict(id, CertificateStatus.Rejected);
        emit CertificateRejected(id, msg.sender, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function revokeCertificate(bytes32 id, bytes32 reasonHash) external override whenNotPaused {
        if (!IAccessControl(address(attestations)).hasRole(ARBITER_ROLE, msg.sender)) {
            revert CertificateRegistryUnauthorized(msg.sender, ARBITER_ROLE);
        }
        (uint256 key, SerialWord s) = _load(id, CertificateStatus.Confirmed);
        _serials[key] = s.withStatus(CertificateStatus.Revoked);
        emit CertificateRevoked(id, msg.sender, reasonHash);
    }

    /// @inheritdoc ICertificateRegistry
    function setIssuer(bytes32 registry, bool accepted) external override {
        if (!IAccessControl(address(attestations)).hasRole(bytes32(0), msg.sender)) {
            revert CertificateRegistryUnauthorized(msg.sender, bytes32(0));
        }
        _setIssuer(registry, accepted);
    }

    function _setIssuer(bytes32 registry, bool accepted) private {
        if (registry == bytes32(0)) revert CertificateRegistryEmptyIssuer();
        _issuers[registry] = accepted;
        emit CertificateIssuerSet(registry, accepted);
    }

    function _verdict(bytes32 id, CertificateStatus status) private {
        (uint256 key, SerialWord s) = _load(id, CertificateStatus.Pending);
        if (!attestations.isVerifier(msg.sender)) revert CertificateRegistryNotVerifier(msg.sender);
        if (s.submitter() == msg.sender || IERC721(address(models)).ownerOf(s.modelId()) == msg.sender) {
            revert CertificateRegistryConflict(id, msg.sender);
        }
        _serials[key] = s.withStatus(status);
    }

    /// @dev The word of `id` if `id` is its serial's latest record and has status `expected`.
    function _load(bytes32 id, CertificateStatus expected) private view returns (uint256 key, SerialWord s) {
        key = SerialWordLib.keyOf(id);
        s = _serials[key];
        CertificateStatus status = _statusOf(id, s);
        if (status != expected) revert CertificateRegistryWrongStatus(id, status);
    }

    function _statusOf(bytes32 id, SerialWord s) private pure returns (CertificateStatus) {
        return s.holds(id) ? s.status() : CertificateStatus.None;
    }

    /// @dev Canonical serial: printable ASCII (0x20..0x7E) without a..z, no leading, trailing or double space.
    function _checkSerial(string calldata serial) private pure {
        uint256 n = bytes(serial).length;
        if (n == 0) revert CertificateRegistryEmptySerial();
        uint256 prev = 0x20; // a leading space reads as a double space
        for (uint256 i; i < n; ++i) {
            uint256 c;
            assembly ("memory-safe") {
                c := byte(0, calldataload(add(serial.offset, i))) // i < n: within the string
            }
            if (c < 0x20 || c > 0x7e || (c > 0x60 && c < 0x7b) || (c == 0x20 && prev == 0x20)) {
                revert CertificateRegistryNonCanonicalSerial(serial, i);
            }
            prev = c;
        }
        if (prev == 0x20) revert CertificateRegistryNonCanonicalSerial(serial, n - 1);
    }

    /// @inheritdoc ICertificateRegistry
    function isIssuer(bytes32 registry) external view override returns (bool) {
        return _issuers[registry];
    }

    /// @inheritdoc ICertificateRegistry
    function getCertificate(bytes32 id) external view override returns (CertificateState memory st) {
        SerialWord s = _serials[SerialWordLib.keyOf(id)];
        st.status = _statusOf(id, s);
        if (st.status == CertificateStatus.None) return st;
        st.kind = s.kind();
        st.modelId = s.modelId();
        st.submitter = s.submitter();
    }

    /// @inheritdoc ICertificateRegistry
    function certificateOf(bytes32 serialHash) external view override returns (bytes32) {
        uint256 key = SerialWordLib.keyOf(serialHash);
        uint256 n = _serials[key].record();
        return n == 0 ? bytes32(0) : SerialWordLib.certificateId(key, n);
    }

    /// @inheritdoc ICertificateRegistry
    function certificateSerialHash(bytes32 registry, string calldata serial) external pure override returns (bytes32) {
        return keccak256(abi.encode(registry, serial));
    }
}
