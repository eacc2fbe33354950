// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "./Common.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {ICertificateRegistry} from "./ICertificateRegistry.sol";
import {IModelRegistry} from "./IModelRegistry.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title Greenprint certificates (SPEC section 8)
/// @notice See ICertificateRegistry. Roles and pause come from the AttestationRegistry.
/// @dev One word per certificate, keyed by the id (which doubles as the global double-claim guard):
/// bits 0..7 status | 8..15 kind | 16..63 modelId | 64..223 submitter.
contract CertificateRegistry is ICertificateRegistry {
    uint256 private constant _M48 = (1 << 48) - 1;

    /// @notice The attestation registry (roles and pause).
    IAttestationRegistry public immutable attestations;
    /// @notice The model registry.
    IModelRegistry public immutable models;

    mapping(bytes32 id => uint256 state) private _states;

    /// @param attestationRegistry the AttestationRegistry
    /// @param modelRegistry the ModelRegistry
    constructor(IAttestationRegistry attestationRegistry, IModelRegistry modelRegistry) {
        attestations = attestationRegistry;
        models = modelRegistry;
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
        bytes32 serialHash,
        string calldata uri
    ) external override whenNotPaused returns (bytes32 id) {
        if (amount == 0) revert CertificateRegistryZeroAmount(amount);
        if (registry == bytes32(0)) revert CertificateRegistryEmptyRegistry(registry);
        if (serialHash == bytes32(0)) revert CertificateRegistryEmptySerial(serialHash);
        if (IERC721(address(models)).ownerOf(modelId) != msg.sender) {
            revert CertificateRegistryNotModelOwner(modelId, msg.sender);
        }
        id = _id(registry, serialHash);
        if (_states[id] != 0) revert CertificateRegistryAlreadyClaimed(registry, serialHash);
        _states[id] = uint256(CertificateStatus.Recorded) | (uint256(kind) << 8) | (modelId << 16)
            | (uint256(uint160(msg.sender)) << 64);
        emit CertificateRecorded(id, modelId, msg.sender, kind, amount, registry, serialHash, uri);
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

    function _verdict(bytes32 id, CertificateStatus status) private {
        uint256 s = _states[id];
        if (s & 0xff != uint256(CertificateStatus.Recorded)) {
            revert CertificateRegistryWrongStatus(id, CertificateStatus(s & 0xff));
        }
        if (!attestations.isVerifier(msg.sender)) revert CertificateRegistryNotVerifier(msg.sender);
        uint256 modelId = (s >> 16) & _M48;
        if (address(uint160(s >> 64)) == msg.sender || IERC721(address(models)).ownerOf(modelId) == msg.sender) {
            revert CertificateRegistryConflict(id, msg.sender);
        }
        _states[id] = (s & ~uint256(0xff)) | uint256(status);
    }

    /// @inheritdoc ICertificateRegistry
    function getCertificate(bytes32 id) external view override returns (CertificateState memory st) {
        uint256 s = _states[id];
        st.status = CertificateStatus(s & 0xff);
        st.kind = CertificateKind((s >> 8) & 0xff);
        st.modelId = (s >> 16) & _M48;
        st.submitter = address(uint160(s >> 64));
    }

    /// @inheritdoc ICertificateRegistry
    function certificateId(bytes32 registry, bytes32 serialHash) external pure override returns (bytes32) {
        return _id(registry, serialHash);
    }

    function _id(bytes32 registry, bytes32 serialHash) private pure returns (bytes32 id) {
        assembly ("memory-safe") {
            mstore(0x00, registry)
            mstore(0x20, serialHash)
            id := keccak256(0x00, 0x40)
        }
    }
}
