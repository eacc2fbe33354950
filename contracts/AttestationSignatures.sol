// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AttestationHash} from "./AttestationHash.sol";
import {AttestationRegistryStorage} from "./AttestationRegistryStorage.sol";
import {Attestation} from "./Common.sol";
import {IAttestationLifecycle} from "./IAttestationLifecycle.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";
import {NoncesKeyed} from "@openzeppelin/contracts/utils/NoncesKeyed.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title EIP-712 signatures of the attestation registry (SPEC section 5)
/// @notice Type strings, the domain ("Greenprint", "1"), keyed nonces and signature checks (ECDSA, then
/// ERC-1271) shared by submitWithSig, submitVerified and verdictWithSig.
abstract contract AttestationSignatures is IAttestationRegistry, AttestationRegistryStorage, EIP712, NoncesKeyed {
    /// @notice EIP-712 type of the attestation fields; its struct hash is the attestation id.
    string public constant ATTESTATION_TYPE = "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,"
        "uint16 pueMilli,uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 workUnits,"
        "uint64 embodiedG,uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,"
        "bytes32 rowsRoot,bytes32 supersedes)";
    /// @notice EIP-712 type signed by a model owner for submitWithSig.
    string public constant SUBMIT_ATTESTATION_TYPE = "SubmitAttestation(Attestation attestation,"
        "uint256 nonce,uint256 deadline)" "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,"
        "uint16 pueMilli,uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 workUnits,"
        "uint64 embodiedG,uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,"
        "bytes32 rowsRoot,bytes32 supersedes)";
    /// @notice EIP-712 type signed by a verifier for submitVerified.
    string public constant VERIFIED_ATTESTATION_TYPE = "VerifiedAttestation(Attestation attestation,"
        "uint256 nonce,uint256 deadline)" "Attestation(uint256 modelId,uint8 kind,uint8 method,uint64 energyWh,"
        "uint16 pueMilli,uint32 locationIntensity,uint16 renewableBps,uint64 acceleratorHours,uint64 workUnits,"
        "uint64 embodiedG,uint64 periodStart,uint64 periodEnd,bytes8 region,bytes32 evidenceHash,string evidenceURI,"
        "bytes32 rowsRoot,bytes32 supersedes)";
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

    constructor() EIP712("Greenprint", "1") {}

    /// @inheritdoc IAttestationLifecycle
    function cancelNonce() external override whenNotPaused {
        emit NonceCancelled(msg.sender, _useNonce(msg.sender));
    }

    /// @inheritdoc IAttestationLifecycle
    function cancelKeyedNonce(uint192 key) external override whenNotPaused {
        emit NonceCancelled(msg.sender, _useNonce(msg.sender, key));
    }

    function _useSignature(
        address signer,
        bytes32 structHash,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) internal {
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

    function _hashAttestation(Attestation calldata a) internal pure returns (bytes32) {
        return AttestationHash.hash(a);
    }
}
