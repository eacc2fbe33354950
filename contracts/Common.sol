// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice What an attestation measures (SPEC section 4).
enum Kind {
    PRETRAINING,
    FINETUNING,
    INFERENCE
}

/// @notice How the energy was measured (SPEC section 4).
enum Method {
    METER,
    SOFTWARE,
    ESTIMATE
}

/// @notice Lifecycle status of an attestation (SPEC section 5).
/// @dev Values 0..7 are stored (3 bits); `Final` is never stored: it is derived by
/// `effectiveStatus` (Verified, challenge window over, no open dispute).
enum Status {
    None,
    Submitted,
    Verified,
    Disputed,
    Rejected,
    Withdrawn,
    Invalidated,
    Superseded,
    Final
}

/// @notice Market instrument kind (SPEC section 8).
enum CertificateKind {
    REC,
    CARBON_CREDIT
}

/// @notice Lifecycle status of a certificate claim (SPEC section 8): Pending and Confirmed hold the serial,
/// Rejected and Revoked free it.
enum CertificateStatus {
    None,
    Pending,
    Confirmed,
    Rejected,
    Revoked
}

/// @notice The fields of an attestation as submitted (SPEC section 4). Its EIP-712 struct hash
/// is the attestation id. Only a status word is stored per attestation (see AttestationRegistry): the fields,
/// `workUnits` (v1.1) included, are in calldata, the id and the AttestationSubmitted event.
struct Attestation {
    uint256 modelId;
    Kind kind;
    Method method;
    uint64 energyWh;
    uint16 pueMilli;
    uint32 locationIntensity;
    uint16 renewableBps;
    uint64 acceleratorHours;
    uint64 workUnits; // v1.1: tokens processed (PRETRAINING, FINETUNING), requests served (INFERENCE); 0 unstated
    uint64 embodiedG;
    uint64 periodStart;
    uint64 periodEnd;
    bytes8 region;
    bytes32 evidenceHash;
    string evidenceURI;
    bytes32 rowsRoot;
    bytes32 supersedes;
}

/// @dev Role identifiers shared by every Greenprint contract (roles live in the AttestationRegistry).
bytes32 constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");
bytes32 constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
bytes32 constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
