// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "./Common.sol";

/// @title Lifecycle of an attestation (SPEC sections 4, 5)
/// @notice Submission (direct, relayed or already verified), verdicts, withdrawal, disputes and their rulings, and
/// nonce cancellation. Events and errors: IAttestationRegistry.
interface IAttestationLifecycle {
    /// @notice Submit an attestation of a model the caller owns (SPEC section 4).
    /// @param attestation the fields
    /// @return id the attestation id
    function submit(Attestation calldata attestation) external returns (bytes32 id);

    /// @notice Relay an attestation signed (SUBMIT_ATTESTATION_TYPE) by the model owner.
    /// @param attestation the fields
    /// @param owner the model owner who signed (EOA or ERC-1271 wallet)
    /// @param nonce the owner's current nonce
    /// @param deadline last valid timestamp
    /// @param signature the owner's signature
    /// @return id the attestation id
    function submitWithSig(
        Attestation calldata attestation,
        address owner,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external returns (bytes32 id);

    /// @notice Submit an attestation (caller = model owner) already verified by a verifier's
    /// VERIFIED_ATTESTATION_TYPE signature over all its fields; it lands Verified.
    /// @param attestation the fields
    /// @param verifier the verifier who signed
    /// @param nonce the verifier's current nonce
    /// @param deadline last valid timestamp
    /// @param signature the verifier's signature
    /// @return id the attestation id
    function submitVerified(
        Attestation calldata attestation,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external returns (bytes32 id);

    /// @notice Verify a Submitted attestation (verifier only).
    /// @param id attestation id
    function verify(bytes32 id) external;

    /// @notice Reject a Submitted attestation (verifier only).
    /// @param id attestation id
    /// @param reasonHash hash of the reason document
    function reject(bytes32 id, bytes32 reasonHash) external;

    /// @notice Relay a verifier's VERDICT_TYPE signature (verify if `approve`, else reject).
    /// @param id attestation id
    /// @param approve verify or reject
    /// @param reasonHash reason (rejections)
    /// @param verifier the verifier who signed
    /// @param nonce the verifier's current nonce
    /// @param deadline last valid timestamp
    /// @param signature the verifier's signature
    function verdictWithSig(
        bytes32 id,
        bool approve,
        bytes32 reasonHash,
        address verifier,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Withdraw a Submitted attestation (model owner only).
    /// @param id attestation id
    function withdraw(bytes32 id) external;

    /// @notice Dispute a Verified attestation inside its challenge window, posting exactly `disputeBond`.
    /// @param id attestation id
    /// @param reasonURI the challenger's reason (emitted)
    function dispute(bytes32 id, string calldata reasonURI) external payable;

    /// @notice Uphold a dispute (arbiter only): Invalidated, bond credited back to the challenger.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling
    function upholdDispute(bytes32 id, bytes32 rulingHash) external;

    /// @notice Dismiss a dispute (arbiter only): Verified again, window resumes, bond credited to the treasury.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling
    function dismissDispute(bytes32 id, bytes32 rulingHash) external;

    /// @notice Withdraw native currency credited to the caller (refunded or forfeited bonds).
    function withdrawRefund() external;

    /// @notice Invalidate a Verified, not yet Final attestation whose verifier is no longer accredited (arbiter
    /// only, no bond; SPEC 5, v1.1): status Invalidated, one more invalidated verdict on the verifier's record,
    /// its period freed like any invalidated attestation's (SPEC 4). A Disputed attestation is ruled on with
    /// upholdDispute / dismissDispute instead; a Final one stands.
    /// @param id attestation id
    /// @param rulingHash hash of the ruling document
    function invalidateUnreviewed(bytes32 id, bytes32 rulingHash) external;

    /// @notice Burn the caller's current nonce, cancelling any signature made with it.
    function cancelNonce() external;

    /// @notice Burn the caller's current nonce of one key (SPEC 5, v1.1 keyed nonces, OpenZeppelin NoncesKeyed):
    /// a signature's `nonce` is `key << 64 | sequence`; key 0 is the sequence `nonces(signer)` and `cancelNonce`.
    /// Emits NonceCancelled with the packed nonce burnt.
    /// @param key the 192-bit key
    function cancelKeyedNonce(uint192 key) external;
}
