// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "./Common.sol";

/// @title Greenprint certificates (SPEC section 8)
/// @notice Market instruments (RECs in Wh, carbon credits in gCO2e retired) recorded per model, confirmed
/// by a verifier, shown apart from the footprint: they never change the ranking and never earn LEAF.
/// A (registry, serialHash) pair can be claimed once, ever: the certificate id is
/// `keccak256(abi.encode(registry, serialHash))` and a second record of it reverts, whatever the first's status.
interface ICertificateRegistry {
    /// @notice Decoded stored state of a certificate.
    struct CertificateState {
        CertificateStatus status;
        CertificateKind kind;
        uint256 modelId;
        address submitter;
    }

    /// @notice A model owner recorded a certificate (status Recorded).
    /// @param id keccak256(abi.encode(registry, serialHash))
    /// @param modelId the model
    /// @param submitter the model owner
    /// @param kind REC or CARBON_CREDIT
    /// @param amount Wh (REC) or gCO2e (CARBON_CREDIT)
    /// @param registry issuing registry name, e.g. "I-REC", "Verra", "Gold Standard" (bytes32, left-aligned)
    /// @param serialHash keccak256(registry, serial)
    /// @param uri where the certificate (retirement statement) can be fetched
    event CertificateRecorded(
        bytes32 indexed id,
        uint256 indexed modelId,
        address indexed submitter,
        CertificateKind kind,
        uint64 amount,
        bytes32 registry,
        bytes32 serialHash,
        string uri
    );
    /// @notice A verifier confirmed a certificate (status Confirmed).
    /// @param id certificate id
    /// @param verifier the verifier
    event CertificateConfirmed(bytes32 indexed id, address indexed verifier);
    /// @notice A verifier rejected a certificate (status Rejected; the serial stays claimed).
    /// @param id certificate id
    /// @param verifier the verifier
    /// @param reasonHash hash of the reason
    event CertificateRejected(bytes32 indexed id, address indexed verifier, bytes32 reasonHash);

    /// @notice The registries are paused.
    error CertificateRegistryPaused();
    /// @notice The caller is not the model owner.
    error CertificateRegistryNotModelOwner(uint256 modelId, address account);
    /// @notice amount must be > 0.
    error CertificateRegistryZeroAmount(uint64 amount);
    /// @notice registry must be non-zero.
    error CertificateRegistryEmptyRegistry(bytes32 registry);
    /// @notice serialHash must be non-zero.
    error CertificateRegistryEmptySerial(bytes32 serialHash);
    /// @notice This (registry, serialHash) was already claimed.
    error CertificateRegistryAlreadyClaimed(bytes32 registry, bytes32 serialHash);
    /// @notice The certificate is not Recorded.
    error CertificateRegistryWrongStatus(bytes32 id, CertificateStatus status);
    /// @notice The caller is not an accredited verifier.
    error CertificateRegistryNotVerifier(address account);
    /// @notice A verifier may not confirm a certificate of a model it owns or that it recorded.
    error CertificateRegistryConflict(bytes32 id, address verifier);

    /// @notice Record a certificate for a model the caller owns.
    /// @param modelId the model
    /// @param kind REC or CARBON_CREDIT
    /// @param amount Wh (REC) or gCO2e (CARBON_CREDIT), > 0
    /// @param registry issuing registry name, non-zero
    /// @param serialHash keccak256(registry, serial), non-zero
    /// @param uri certificate location (emitted only)
    /// @return id keccak256(abi.encode(registry, serialHash))
    function recordCertificate(
        uint256 modelId,
        CertificateKind kind,
        uint64 amount,
        bytes32 registry,
        bytes32 serialHash,
        string calldata uri
    ) external returns (bytes32 id);

    /// @notice Confirm a Recorded certificate (verifier).
    /// @param id certificate id
    function confirmCertificate(bytes32 id) external;

    /// @notice Reject a Recorded certificate (verifier).
    /// @param id certificate id
    /// @param reasonHash hash of the reason
    function rejectCertificate(bytes32 id, bytes32 reasonHash) external;

    /// @notice Decoded state of a certificate.
    /// @param id certificate id
    /// @return state the state
    function getCertificate(bytes32 id) external view returns (CertificateState memory state);

    /// @notice The id of a (registry, serialHash) pair.
    /// @param registry issuing registry name
    /// @param serialHash keccak256(registry, serial)
    /// @return id keccak256(abi.encode(registry, serialHash))
    function certificateId(bytes32 registry, bytes32 serialHash) external pure returns (bytes32 id);
}
