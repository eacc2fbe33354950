// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev A verifier by its compact index (the index attestation words store),
/// `AttestationRegistryStorage._verifierByIndex[index]`. The layout, written here only:
///
/// | bits   | field                            |
/// |--------|----------------------------------|
/// | 0..159 | the verifier's account           |
/// | 160    | active (holds VERIFIER_ROLE now) |
type VerifierWord is uint256;

using VerifierWordLib for VerifierWord global;

/// @title Getters and setters of the verifier word (layout above)
library VerifierWordLib {
    uint256 private constant _ACTIVE_SHIFT = 160;

    /// @dev `account_`, holding VERIFIER_ROLE.
    function accredited(address account_) internal pure returns (VerifierWord) {
        return VerifierWord.wrap(uint256(uint160(account_)) | (1 << _ACTIVE_SHIFT));
    }

    /// @dev `account_`, its VERIFIER_ROLE revoked.
    function revoked(address account_) internal pure returns (VerifierWord) {
        return VerifierWord.wrap(uint256(uint160(account_)));
    }

    function account(VerifierWord v) internal pure returns (address) {
        return address(uint160(VerifierWord.unwrap(v)));
    }

    function active(VerifierWord v) internal pure returns (bool) {
        return VerifierWord.unwrap(v) >> _ACTIVE_SHIFT != 0;
    }
}
