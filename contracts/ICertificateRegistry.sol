// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CertificateKind, CertificateStatus} from "./Common.sol";

/// @title Greenprint certificates (SPEC section 8, v1.1)
/// @notice Market instruments (RECs in Wh, carbon credits in gCO2e retired) recorded per model, confirmed
/// by a verifier, shown apart from the footprint: they never change the ranking and never earn LEAF.
/// The contract computes `serialHash = keccak256(abi.encode(registry, serial))` and keys the double-claim
/// guard on it alone: while a certificate of a serialHash is Pending or Confirmed, recording it again reverts;
/// a Rejected or Revoked certificate frees its serial, which can then be recorded again (a new id).
/// Normalisation (L-1): `registry` must be one of the issuing registries accepted by governance (one
/// canonical label per registry, so the same certificate cannot be recorded again under another spelling of
/// its registry), and `serial` must be in canonical form: printable ASCII without lower-case letters, no
/// leading, trailing or double spaces (the SDK upper-cases, trims and collapses white space before sending).
/// A certificate id is the serialHash with its low 32 bits replaced by the record's number for that serial
/// (1 for the first record, 2 after the first was freed, ...).
interface ICertificateRegistry {
    /// @notice Decoded stored state of a certificate.
    struct CertificateState {
        CertificateStatus status;
        CertificateKind kind;
        uint256 modelId;
        address submitter;
    }

    /// @notice A model owner recorded a certificate (status Pending; its serial is held).
    /// @param id certificate id (serialHash with the record number in the low 32 bits)
    /// @param modelId the model
    /// @param submitter the model owner
    /// @param kind REC or CARBON_CREDIT
    /// @param amount Wh (REC) or gCO2e (CARBON_CREDIT)
    /// @param registry issuing registry label, e.g. "I-REC", "Verra", "Gold Standard" (bytes32, left-aligned)
    /// @param serialHash keccak256(abi.encode(registry, serial)), computed by the contract
    /// @param serial the serial number or range as printed on the retirement statement (canonical form)
    /// @param uri where the certificate (retirement statement) can be fetched
    event CertificateRecorded(
        bytes32 indexed id,
        uint256 indexed modelId,
        address indexed submitter,
        CertificateKind kind,
        uint64 amount,
        bytes32 registry,
        bytes32 serialHash,
        string serial,
        string uri
    );
    /// @notice A verifier confirmed a certificate (status Confirmed; the serial stays held).
    /// @param id certificate id
    /// @param verifier the verifier
    event CertificateConfirmed(bytes32 indexed id, address indexed verifier);
    /// @notice A verifier rejected a certificate (status Rejected; its serial is freed).
    /// @param id certificate id
    /// @param verifier the verifier
    /// @param reasonHash hash of the reason
    event CertificateRejected(bytes32 indexed id, address indexed verifier, bytes32 reasonHash);
    /// @notice The arbiter revoked a Confirmed certificate (status Revoked; its serial is freed).
    /// @param id certificate id
    /// @param arbiter the arbiter
    /// @param reasonHash hash of the ruling (e.g. proof of a double claim elsewhere)
    event CertificateRevoked(bytes32 indexed id, address indexed arbiter, bytes32 reasonHash);
    /// @notice Governance accepted or withdrew an issuing registry label.
    /// @param registry the label (bytes32, left-aligned)
    /// @param accepted whether certificates of this registry can be recorded
    event CertificateIssuerSet(bytes32 indexed registry, bool accepted);

    /// @notice The registries are paused.
    error CertificateRegistryPaused();
    /// @notice The caller is not the model owner.
    error CertificateRegistryNotModelOwner(uint256 modelId, address account);
    /// @notice amount must be > 0.
    error CertificateRegistryZeroAmount(uint64 amount);
    /// @notice The issuing registry label is not accepted by governance.
    error CertificateRegistryUnknownIssuer(bytes32 registry);
    /// @notice The serial is empty.
    error CertificateRegistryEmptySerial();
    /// @notice The serial is not in canonical form; `index` is the first offending byte.
    error CertificateRegistryNonCanonicalSerial(string serial, uint256 index);
    /// @notice The serial is held by a Pending or Confirmed certificate.
    error CertificateRegistrySerialHeld(bytes32 serialHash, bytes32 heldBy);
    /// @notice The certificate does not have the status the action needs.
    error CertificateRegistryWrongStatus(bytes32 id, CertificateStatus status);
    /// @notice The caller is not an accredited verifier.
    error CertificateRegistryNotVerifier(address account);
    /// @notice A verifier may not judge a certificate of a model it owns or that it recorded.
    error CertificateRegistryConflict(bytes32 id, address verifier);
    /// @notice The caller lacks the role (ARBITER_ROLE to revoke, DEFAULT_ADMIN_ROLE to set issuers).
    error CertificateRegistryUnauthorized(address account, bytes32 role);
    /// @notice The issuing registry label is zero.
    error CertificateRegistryEmptyIssuer();

    /// @notice Record a certificate for a model the caller owns; the contract computes its serialHash.
    /// Requirements:
    /// - not paused; the caller owns `modelId`; `amount` > 0;
    /// - `registry` is an accepted issuing registry label (`isIssuer`);
    /// - `serial` is non-empty and canonical: bytes 0x20..0x7E, no `a`-`z`, no leading, trailing or double space;
    /// - no Pending or Confirmed certificate holds `keccak256(abi.encode(registry, serial))`.
    /// @param modelId the model
    /// @param kind REC or CARBON_CREDIT
    /// @param amount Wh (REC) or gCO2e (CARBON_CREDIT)
    /// @param registry issuing registry label
    /// @param serial the registry's serial number or range as printed on the retirement statement, canonical
    /// @param uri certificate location (emitted only)
    /// @return id the new certificate's id
    function recordCertificate(
        uint256 modelId,
        CertificateKind kind,
        uint64 amount,
        bytes32 registry,
        string calldata serial,
        string calldata uri
    ) external returns (bytes32 id);

    /// @notice Confirm a Pending certificate (verifier).
    /// Requirements: not paused; the certificate is Pending; the caller is an accredited verifier that neither
    /// owns its model nor recorded it.
    /// @param id certificate id
    function confirmCertificate(bytes32 id) external;

    /// @notice Reject a Pending certificate (verifier); frees its serial.
    /// Requirements: as `confirmCertificate`.
    /// @param id certificate id
    /// @param reasonHash hash of the reason
    function rejectCertificate(bytes32 id, bytes32 reasonHash) external;

    /// @notice Revoke a Confirmed certificate (arbiter), e.g. proven double-claimed elsewhere; frees its serial.
    /// Requirements: not paused; the certificate is Confirmed; the caller holds ARBITER_ROLE.
    /// @param id certificate id
    /// @param reasonHash hash of the ruling
    function revokeCertificate(bytes32 id, bytes32 reasonHash) external;

    /// @notice Accept or withdraw an issuing registry label (governance). Not paused (governance never is).
    /// Withdrawing a label refuses new records under it; recorded certificates keep their status.
    /// Requirements: the caller holds DEFAULT_ADMIN_ROLE; `registry` is non-zero.
    /// @param registry the label, left-aligned bytes32 (one label per issuing registry)
    /// @param accepted whether it is accepted
    function setIssuer(bytes32 registry, bool accepted) external;

    /// @notice Whether certificates of this issuing registry label can be recorded.
    /// @param registry the label
    /// @return accepted true if accepted
    function isIssuer(bytes32 registry) external view returns (bool accepted);

    /// @notice Decoded state of a certificate; an unknown id, or the id of a record whose serial was
    /// recorded again after being freed, reads as status None (its history is in the events).
    /// @param id certificate id
    /// @return state the state
    function getCertificate(bytes32 id) external view returns (CertificateState memory state);

    /// @notice The id of the latest record of a serialHash (held if Pending or Confirmed), 0 if never recorded.
    /// @param serialHash keccak256(abi.encode(registry, serial))
    /// @return id the latest certificate id
    function certificateOf(bytes32 serialHash) external view returns (bytes32 id);

    /// @notice `keccak256(abi.encode(registry, serial))`, as recordCertificate computes it.
    /// @param registry issuing registry label
    /// @param serial the serial (canonical form)
    /// @return serialHash the hash
    function certificateSerialHash(bytes32 registry, string calldata serial) external pure returns (bytes32 serialHash);
}
