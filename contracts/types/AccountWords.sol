// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev Two words of the AttestationRegistry that hold an account and a value above it. The layouts, written
/// here only:
///
/// `_disputes[id]`, an open dispute:
///
/// | bits     | field                   |
/// |----------|-------------------------|
/// | 0..159   | challenger              |
/// | 160..255 | bond (wei)              |
///
/// `_verifierByIndex[index]`, a verifier by its compact index (stored in attestation words):
///
/// | bits   | field                                  |
/// |--------|----------------------------------------|
/// | 0..159 | the verifier's account                 |
/// | 160    | active (holds VERIFIER_ROLE now)       |
type DisputeWord is uint256;

type VerifierWord is uint256;

using DisputeWordLib for DisputeWord global;
using VerifierWordLib for VerifierWord global;

/// @title Getters and setters of the dispute word (layout above)
library DisputeWordLib {
    uint256 private constant _BOND_SHIFT = 160;

    function pack(address challenger_, uint256 bond_) internal pure returns (DisputeWord) {
        return DisputeWord.wrap(uint256(uint160(challenger_)) | (bond_ << _BOND_SHIFT));
    }

    function challenger(DisputeWord d) internal pure returns (address) {
        return address(uint160(DisputeWord.unwrap(d)));
    }

    function bond(DisputeWord d) internal pure returns (uint256) {
        return DisputeWord.unwrap(d) >> _BOND_SHIFT;
    }
}

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
